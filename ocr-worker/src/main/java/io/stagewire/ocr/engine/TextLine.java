package io.stagewire.ocr.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One text line of a page: its words in reading order and their text joined by single spaces, so
 * that a pattern matched in {@link #text()} can be traced back to the words (and so the boxes and
 * confidences) it covers.
 */
public final class TextLine {
    private final List<Word> words;
    private final String text;
    private final int[] wordStarts;

    public TextLine(List<Word> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a text line has at least one word");
        }
        this.words = List.copyOf(words);
        this.wordStarts = new int[words.size()];
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                joined.append(' ');
            }
            wordStarts[i] = joined.length();
            joined.append(words.get(i).text());
        }
        this.text = joined.toString();
    }

    public List<Word> words() {
        return words;
    }

    public String text() {
        return text;
    }

    public Box box() {
        return words.stream().map(Word::box).reduce(Box::union).orElseThrow();
    }

    /** The words that the characters {@code start} (inclusive) to {@code end} (exclusive) of {@link #text()} touch. */
    public List<Word> wordsCovering(int start, int end) {
        List<Word> covered = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            int wordEnd = wordStarts[i] + words.get(i).text().length();
            if (wordStarts[i] < end && wordEnd > start) {
                covered.add(words.get(i));
            }
        }
        return covered;
    }

    /**
     * The height of the line's glyphs: its tallest word, ignoring words more than 1.5 times the
     * median height. Tesseract now and then reports a word box that reaches into the line above,
     * and one such box must not make a line of body text look like a heading.
     */
    public int glyphHeight() {
        int[] heights = words.stream().mapToInt(w -> w.box().height()).sorted().toArray();
        int median = heights[heights.length / 2];
        return Arrays.stream(heights).filter(h -> h <= median * 3 / 2).max().orElse(median);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TextLine line && words.equals(line.words);
    }

    @Override
    public int hashCode() {
        return words.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
