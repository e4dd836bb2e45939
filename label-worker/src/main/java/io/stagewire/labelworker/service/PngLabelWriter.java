package io.stagewire.labelworker.service;

import io.stagewire.labelworker.service.LabelLayout.Bar;
import io.stagewire.labelworker.service.LabelLayout.Element;
import io.stagewire.labelworker.service.LabelLayout.Text;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Draws a layout into a greyscale PNG at the template's resolution, which it records so the label prints at its size. */
final class PngLabelWriter {
    private static final double INCHES_PER_METRE = 0.0254;
    private static final String PNG_METADATA = "javax_imageio_png_1.0";

    private final LabelFonts fonts;

    PngLabelWriter(LabelFonts fonts) {
        this.fonts = fonts;
    }

    byte[] write(LabelLayout layout, int dpi) {
        double scale = dpi / 72.0;
        BufferedImage image = new BufferedImage((int) Math.round(layout.widthPt() * scale),
                (int) Math.round(layout.heightPt() * scale), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
            // Smooth text, but bars exactly on the pixel grid the layout snapped them to.
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(Color.BLACK);
            for (Element element : layout.elements()) {
                switch (element) {
                    case Text text -> {
                        g.setFont(fonts.awt(text.face(), text.sizePt()));
                        g.drawString(text.text(), text.x(), text.baseline());
                    }
                    case Bar bar -> g.fill(new Rectangle2D.Float(bar.x(), bar.y(), bar.width(), bar.height()));
                }
            }
        } finally {
            g.dispose();
        }
        return encode(image, dpi);
    }

    private static byte[] encode(BufferedImage image, int dpi) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // In memory, not ImageIO's default file cache: a FileCacheImageOutputStream is closed by ImageIO's JVM shutdown
        // hook, which failed a label still being written during a graceful stop (SigtermHandoffIT), and it would need
        // a writable temp directory under a read-only root file system.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
            metadata.mergeTree(PNG_METADATA, resolution(dpi));
            writer.write(new IIOImage(image, null, metadata));
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the label PNG", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The PNG's own metadata tree with just a pHYs chunk: pixels per metre. */
    private static IIOMetadataNode resolution(int dpi) {
        String pixelsPerMetre = Long.toString(Math.round(dpi / INCHES_PER_METRE));
        IIOMetadataNode physical = new IIOMetadataNode("pHYs");
        physical.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
        physical.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
        physical.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
        root.appendChild(physical);
        return root;
    }
}
