package io.stagewire.ocr.engine;

import java.util.Comparator;
import java.util.List;

/** What Tesseract read from one image: its text lines in Tesseract's reading order. */
public record RecognizedPage(int width, int height, List<TextLine> lines) {

    public RecognizedPage {
        lines = List.copyOf(lines);
    }

    /** The recognised text, one line per text line. */
    public String text() {
        return String.join("\n", lines.stream().map(TextLine::text).toList());
    }

    /**
     * The words to the right of {@code box} on the same row, nearest first, whichever line or
     * block Tesseract put them in: in a two-column table the label and its value often land in
     * different blocks.
     */
    public List<Word> wordsRightOf(Box box) {
        return lines.stream()
                .flatMap(line -> line.words().stream())
                .filter(word -> word.box().left() >= box.right() && box.sharesRowWith(word.box()))
                .sorted(Comparator.comparingInt(word -> word.box().left()))
                .toList();
    }
}
