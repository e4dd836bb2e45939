package io.stagewire.labelworker.service;

import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fits text into a width: wrapped onto lines, shrunk, or cut with an ellipsis. */
final class TextFitter {
    static final String ELLIPSIS = "…";

    private final LabelFonts fonts;

    TextFitter(LabelFonts fonts) {
        this.fonts = fonts;
    }

    /** A line of text at the size it was fitted to. */
    record FittedLine(String text, float sizePt) {
    }

    /** Wraps at line-break opportunities (inside a word only when it alone is too wide); the last line is ellipsized when text is left over. */
    List<String> wrap(String text, FontFace face, float sizePt, float width, int maxLines) {
        List<String> lines = new ArrayList<>();
        if (text.isEmpty()) {
            return lines;
        }
        AttributedString attributed = new AttributedString(text, Map.of(TextAttribute.FONT, fonts.awt(face, sizePt)));
        LineBreakMeasurer measurer = new LineBreakMeasurer(attributed.getIterator(), LabelFonts.MEASURING);
        while (measurer.getPosition() < text.length()) {
            int start = measurer.getPosition();
            if (lines.size() == maxLines - 1) {
                lines.add(ellipsize(text.substring(start).strip(), face, sizePt, width));
                break;
            }
            int end = measurer.nextOffset(width);
            measurer.setPosition(end);
            lines.add(text.substring(start, end).strip());
        }
        return lines;
    }

    /** The largest size from {@code maxPt} down to {@code minPt} (in half points) at which the text fits; ellipsized at {@code minPt} if none does. */
    FittedLine shrinkToFit(String text, FontFace face, float maxPt, float minPt, float width) {
        for (float size = maxPt; size >= minPt; size -= 0.5f) {
            if (fonts.width(face, size, text) <= width) {
                return new FittedLine(text, size);
            }
        }
        return new FittedLine(ellipsize(text, face, minPt, width), minPt);
    }

    String ellipsize(String text, FontFace face, float sizePt, float width) {
        if (fonts.width(face, sizePt, text) <= width) {
            return text;
        }
        String kept = text;
        while (!kept.isEmpty()) {
            kept = kept.substring(0, kept.offsetByCodePoints(kept.length(), -1)).stripTrailing();
            if (fonts.width(face, sizePt, kept + ELLIPSIS) <= width) {
                return kept + ELLIPSIS;
            }
        }
        return ELLIPSIS;
    }
}
