package io.stagewire.labelworker.service;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * DejaVu Sans, loaded once from its TrueType files: the AWT fonts for measuring and the PNG, and
 * the file bytes that every PDF embeds. Labels never fall back to whatever font the JVM finds,
 * since another font would change the layout and the bytes.
 */
public final class LabelFonts {
    /** Unhinted advances in points, the same widths PDFBox computes from the font's metrics. */
    static final FontRenderContext MEASURING = new FontRenderContext(new AffineTransform(), true, true);

    private final Map<FontFace, Font> awtFonts = new EnumMap<>(FontFace.class);
    private final Map<FontFace, byte[]> trueTypeFiles = new EnumMap<>(FontFace.class);

    private LabelFonts(Path directory) {
        for (FontFace face : FontFace.values()) {
            Path file = directory.resolve(face.fileName());
            if (!Files.isReadable(file)) {
                throw new IllegalStateException("label font missing: " + file + " is not readable; install DejaVu "
                        + "(Debian: apt-get install fonts-dejavu-core) or point stagewire.label.font-dir at its folder");
            }
            try {
                byte[] bytes = Files.readAllBytes(file);
                trueTypeFiles.put(face, bytes);
                awtFonts.put(face, Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes)));
            } catch (IOException | FontFormatException e) {
                throw new IllegalStateException("label font unreadable: " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Loads both faces from a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf; fails naming the missing file. */
    public static LabelFonts load(Path directory) {
        return new LabelFonts(directory);
    }

    Font awt(FontFace face, float sizePt) {
        return awtFonts.get(face).deriveFont(sizePt);
    }

    byte[] trueTypeFile(FontFace face) {
        return trueTypeFiles.get(face);
    }

    float width(FontFace face, float sizePt, String text) {
        return (float) awt(face, sizePt).getStringBounds(text, MEASURING).getWidth();
    }

    /** The ink of {@code text}, relative to its origin on the baseline (negative y is above it). */
    Rectangle2D inkBounds(FontFace face, float sizePt, String text) {
        return awt(face, sizePt).createGlyphVector(MEASURING, text).getVisualBounds();
    }

    /** Index of the first character the face has no glyph for, or -1. */
    int firstMissingGlyph(FontFace face, String text) {
        return awtFonts.get(face).canDisplayUpTo(text);
    }

    LineMetrics lineMetrics(FontFace face, float sizePt) {
        return awt(face, sizePt).getLineMetrics("Ag", MEASURING);
    }
}
