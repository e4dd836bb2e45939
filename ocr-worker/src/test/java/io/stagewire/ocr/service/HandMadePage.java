package io.stagewire.ocr.service;

import io.stagewire.ocr.engine.Box;
import io.stagewire.ocr.engine.RecognizedPage;
import io.stagewire.ocr.engine.TextLine;
import io.stagewire.ocr.engine.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the words Tesseract would report for a page by hand: each line at a given position,
 * its words laid out left to right with widths in proportion to their glyph height.
 */
final class HandMadePage {
    static final float CONFIDENCE = 90;

    private final List<TextLine> lines = new ArrayList<>();

    /** Words of one glyph height within a line; a line may mix sizes (a large price, a small old price). */
    record Run(int height, float confidence, String text) {
    }

    static HandMadePage page() {
        return new HandMadePage();
    }

    static Run run(int height, String text) {
        return new Run(height, CONFIDENCE, text);
    }

    static Run run(int height, float confidence, String text) {
        return new Run(height, confidence, text);
    }

    HandMadePage line(int top, int height, String text) {
        return line(20, top, run(height, text));
    }

    HandMadePage line(int left, int top, Run... runs) {
        List<Word> words = new ArrayList<>();
        int x = left;
        for (Run run : runs) {
            for (String text : run.text().split(" ")) {
                int width = Math.max(1, text.length() * run.height() * 6 / 10);
                words.add(new Word(text, run.confidence(), new Box(x, top, width, run.height())));
                x += width + run.height() / 3;
            }
        }
        lines.add(new TextLine(words));
        return this;
    }

    HandMadePage line(int top, Run... runs) {
        return line(20, top, runs);
    }

    RecognizedPage build() {
        return new RecognizedPage(1000, 400, lines);
    }
}
