package io.stagewire.labelworker.service;

import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Fits text into a width: wrapped onto lines, shrunk, or cut with an ellipsis. */
final class TextFitter {
    static final String ELLIPSIS = "…";
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s,;:]+$");

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

    /** Cuts after the last whole word that fits with the ellipsis, or inside the word when not even the first one does. */
    String ellipsize(String text, FontFace face, float sizePt, float width) {
        if (fonts.width(face, sizePt, text) <= width) {
            return text;
        }
        for (int space = text.lastIndexOf(' '); space > 0; space = text.lastIndexOf(' ', space - 1)) {
            String kept = TRAILING_SEPARATORS.matcher(text.substring(0, space)).replaceAll("") + ELLIPSIS;
            if (fonts.width(face, sizePt, kept) <= width) {
                return kept;
            }
        }
        String kept = text;
        while (!kept.isEmpty()) {
            kept = kept.substring(0, kept.offsetByCodePoints(kept.length(), -1));
            if (fonts.width(face, sizePt, kept + ELLIPSIS) <= width) {
                return kept + ELLIPSIS;
            }
        }
        return ELLIPSIS;
    }
}
