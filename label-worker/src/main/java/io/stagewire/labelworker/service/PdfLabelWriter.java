package io.stagewire.labelworker.service;

import io.stagewire.labelworker.service.LabelLayout.Bar;
import io.stagewire.labelworker.service.LabelLayout.Element;
import io.stagewire.labelworker.service.LabelLayout.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Draws a layout onto one PDF page of the label's size, with text in embedded DejaVu subsets and
 * bars as vector rectangles. No dates, and a document ID derived from the layout, so the same
 * label always gives the same bytes.
 */
final class PdfLabelWriter {
    private final LabelFonts fonts;

    PdfLabelWriter(LabelFonts fonts) {
        this.fonts = fonts;
    }

    byte[] write(LabelLayout layout, String title) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(layout.widthPt(), layout.heightPt()));
            document.addPage(page);
            Map<FontFace, PDType0Font> embedded = new EnumMap<>(FontFace.class);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                for (Element element : layout.elements()) {
                    switch (element) {
                        case Text text -> {
                            content.beginText();
                            content.setFont(embedded.computeIfAbsent(text.face(), face -> embed(document, face)),
                                    text.sizePt());
                            // PDF measures y upwards from the bottom edge.
                            content.newLineAtOffset(text.x(), layout.heightPt() - text.baseline());
                            content.showText(text.text());
                            content.endText();
                        }
                        case Bar bar -> {
                            content.addRect(bar.x(), layout.heightPt() - bar.y() - bar.height(), bar.width(), bar.height());
                            content.fill();
                        }
                    }
                }
            }
            describe(document, layout, title);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the label PDF", e);
        }
    }

    private PDType0Font embed(PDDocument document, FontFace face) {
        try {
            return PDType0Font.load(document, new RandomAccessReadBuffer(fonts.trueTypeFile(face)), true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not embed " + face.fileName(), e);
        }
    }

    private static void describe(PDDocument document, LabelLayout layout, String title) {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setCreator("Stagewire label-worker");
        document.setDocumentInformation(info);
        // Without an ID, PDFBox derives one from the clock; from the layout it is stable per label.
        COSString id = new COSString(md5(layout.toString()));
        COSArray ids = new COSArray();
        ids.add(id);
        ids.add(id);
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
