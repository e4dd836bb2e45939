package io.stagewire.labelworker.service;

import java.util.List;

/**
 * Where everything on a label goes, in points from the top-left corner. The PNG and the PDF are
 * both drawn from one layout, so they agree to the point.
 */
record LabelLayout(float widthPt, float heightPt, List<Element> elements) {

    LabelLayout {
        elements = List.copyOf(elements);
    }

    sealed interface Element {
    }

    /** A line of text starting at {@code x} on the baseline {@code baseline}. */
    record Text(String text, FontFace face, float sizePt, float x, float baseline) implements Element {
    }

    /** A filled black rectangle: a barcode bar or a strike-through line. */
    record Bar(float x, float y, float width, float height) implements Element {
    }
}
