package io.stagewire.labelworker.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.stagewire.labelworker.domain.BarcodeType;
import io.stagewire.labelworker.domain.LabelData;
import io.stagewire.labelworker.domain.LabelTemplate;
import io.stagewire.labelworker.domain.RenderedLabel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.assertj.core.api.AbstractThrowableAssert;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class LabelRendererTest {
    /** Where Debian's fonts-dejavu-core puts them; ./stagewire installs it. */
    static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");
    private static final LabelRenderer RENDERER = new LabelRenderer(LabelFonts.load(DEJAVU));
    private static final LabelTemplate SHELF = LabelTemplate.SHELF_LABEL;
    private static final float PT_PER_MM = 72f / 25.4f;
    private static final String VALID_EAN = "4006381333931";
    private static final LabelData KETTLE = new LabelData("Wasserkocher Edelstahl 1,7 l mit Kalkfilter",
            new BigDecimal("19.99"), "EUR", "ART-10234", VALID_EAN, null);
    private static final LabelData TOASTER = new LabelData("Toaster Classic", new BigDecimal("1299.00"), "EUR",
            "ART-20518", null, null);

    @Test
    void eanLabelScansBackToTheEan() {
        RenderedLabel label = RENDERER.render(SHELF, KETTLE);

        assertThat(label.barcodeType()).isEqualTo(BarcodeType.EAN_13);
        assertThat(label.barcodeContent()).isEqualTo(VALID_EAN);
        assertThat(label.fallbackReason()).isEmpty();
        assertScansAs(png(label), BarcodeFormat.EAN_13, VALID_EAN);
    }

    @Test
    void labelWithoutEanScansBackToTheArticleNumberAsCode128() {
        RenderedLabel label = RENDERER.render(SHELF, TOASTER);

        assertThat(label.barcodeType()).isEqualTo(BarcodeType.CODE_128);
        assertThat(label.fallbackReason()).isEmpty();
        assertScansAs(png(label), BarcodeFormat.CODE_128, "ART-20518");
    }

    @Test
    void eanWithWrongCheckDigitFallsBackToCode128AndSaysWhy() {
        RenderedLabel label = RENDERER.render(SHELF, withEan(KETTLE, "4006381333932"));

        assertThat(label.barcodeType()).isEqualTo(BarcodeType.CODE_128);
        assertThat(label.fallbackReason()).contains(
                "EAN '4006381333932' has a wrong check digit; the barcode is Code128 of the article number");
        assertScansAs(png(label), BarcodeFormat.CODE_128, "ART-10234");
    }

    @Test
    void eanOfTheWrongLengthFallsBackToCode128AndSaysWhy() {
        RenderedLabel label = RENDERER.render(SHELF, withEan(KETTLE, "40063813"));

        assertThat(label.barcodeType()).isEqualTo(BarcodeType.CODE_128);
        assertThat(label.fallbackReason()).contains("EAN '40063813' is not 13 digits; the barcode is Code128 of the article number");
    }

    @Test
    void aCode128TemplateIgnoresAValidEan() {
        RenderedLabel label = RENDERER.render(SHELF.withBarcodeFormat(io.stagewire.labelworker.domain.BarcodeFormat.CODE_128),
                KETTLE);

        assertThat(label.barcodeType()).isEqualTo(BarcodeType.CODE_128);
        assertScansAs(png(label), BarcodeFormat.CODE_128, "ART-10234");
    }

    @Test
    void anEan13TemplateFailsALabelWithoutAValidEanNamingWhy() {
        LabelTemplate eanOnly = SHELF.withBarcodeFormat(io.stagewire.labelworker.domain.BarcodeFormat.EAN_13);

        assertThat(RENDERER.render(eanOnly, KETTLE).barcodeType()).isEqualTo(BarcodeType.EAN_13);
        assertThatThrownBy(() -> RENDERER.render(eanOnly, TOASTER)).isInstanceOf(LabelRenderingException.class)
                .hasMessage("the template asks for an EAN-13 barcode, but article 'ART-20518' has no EAN");
        assertThatThrownBy(() -> RENDERER.render(eanOnly, withEan(KETTLE, "4006381333932")))
                .hasMessage("the template asks for an EAN-13 barcode, but EAN '4006381333932' has a wrong check digit");
    }

    @Test
    void aTemplateWithoutBarcodeDrawsNoBars() {
        RenderedLabel label = RENDERER.render(SHELF.withBarcodeFormat(io.stagewire.labelworker.domain.BarcodeFormat.NONE),
                KETTLE);

        assertThat(label.barcode()).isEmpty();
        assertThat(label.barcodeContent()).isNull();
        assertThat(label.png()).isNotEmpty();
        assertThat(label.pdf()).isNotEmpty();
    }

    @Test
    void eanWrittenWithSpacesIsStillAnEan() {
        RenderedLabel label = RENDERER.render(SHELF, withEan(KETTLE, "4 006381 333931"));

        assertThat(label.barcodeType()).isEqualTo(BarcodeType.EAN_13);
        assertThat(label.barcodeContent()).isEqualTo(VALID_EAN);
    }

    @Test
    void pngIsTheLabelSizeAt300DpiAndSaysSo() throws IOException {
        byte[] png = RENDERER.render(SHELF, KETTLE).png();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(image.getWidth()).isEqualTo(732);
        assertThat(image.getHeight()).isEqualTo(343);
        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in);
            Node physical = ((Element) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0"))
                    .getElementsByTagName("pHYs").item(0);
            // 300 dpi is 11811 pixels per metre.
            assertThat(physical.getAttributes().getNamedItem("pixelsPerUnitXAxis").getNodeValue()).isEqualTo("11811");
            assertThat(physical.getAttributes().getNamedItem("unitSpecifier").getNodeValue()).isEqualTo("meter");
        } finally {
            reader.dispose();
        }
    }

    @Test
    void pdfIsOnePageOfTheLabelSizeWithTheTextInAnEmbeddedDejaVu() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.render(SHELF, KETTLE).pdf())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            PDPage page = pdf.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(62 * PT_PER_MM, within(0.01f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(29 * PT_PER_MM, within(0.01f));

            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Wasserkocher Edelstahl", "19,99\u00a0€", "ART-10234", VALID_EAN);

            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            });
        }
    }

    @Test
    void pdfPageScansBackToTheSameBarcode() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.render(SHELF, KETTLE).pdf())) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 300, ImageType.GRAY);

            assertScansAs(page, BarcodeFormat.EAN_13, VALID_EAN);
        }
    }

    @Test
    void sameInputGivesIdenticalBytes() {
        RenderedLabel first = RENDERER.render(SHELF, KETTLE);
        RenderedLabel second = new LabelRenderer(LabelFonts.load(DEJAVU)).render(SHELF, KETTLE);

        assertThat(second.png()).isEqualTo(first.png());
        assertThat(second.pdf()).isEqualTo(first.pdf());
    }

    @Test
    void pdfCarriesNoDates() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(RENDERER.render(SHELF, KETTLE).pdf())) {
            assertThat(pdf.getDocumentInformation().getCreationDate()).isNull();
            assertThat(pdf.getDocumentInformation().getModificationDate()).isNull();
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(KETTLE.name());
        }
    }

    @Test
    void longNameWrapsOntoTheTemplatesLinesAndEndsInAnEllipsis() {
        String name = "Kaffeevollautomat mit Milchaufschäumer, Kegelmahlwerk aus Edelstahl, 15 bar Pumpendruck, "
                + "Wassertank 1,8 l, Bohnenbehälter 250 g, Farbe Silber-Schwarz";

        List<String> lines = pdfText(RENDERER.render(SHELF, withName(KETTLE, name))).lines().toList();

        // The name comes first in the content stream, one line per text line on the label.
        assertThat(lines.get(0)).startsWith("Kaffeevollautomat mit");
        assertThat(lines.get(1)).endsWith("…");
        assertThat(name).startsWith(lines.get(0) + " " + lines.get(1).replace("…", ""));
    }

    @Test
    void showsTheOldPriceStruckThroughOnlyWhenTheTemplateAsks() {
        LabelData onSale = new LabelData("Stehlampe", new BigDecimal("49.00"), "EUR", "LMP-7731", null,
                new BigDecimal("59.90"));

        assertThat(pdfText(RENDERER.render(SHELF, onSale))).contains("59,90\u00a0€", "49,00\u00a0€");
        assertThat(pdfText(RENDERER.render(SHELF.withShowOldPrice(false), onSale))).doesNotContain("59,90");
    }

    @Test
    void printsTheWordOfAFromPriceBeforeItAsTheShopWritesIt() {
        LabelData from = new LabelData("Stehlampe", new BigDecimal("9.99"), "EUR", "LMP-7731", null, null, "ab");

        assertThat(pdfText(RENDERER.render(SHELF, from))).contains("ab 9,99\u00a0€");
        assertThat(pdfText(RENDERER.render(SHELF, new LabelData("Stehlampe", new BigDecimal("9.99"), "EUR", "LMP-7731", null,
                null, "  ")))).doesNotContain("ab").contains("9,99\u00a0€");
    }

    @Test
    void formatsThePricePerTheTemplatesLocale() {
        assertThat(pdfText(RENDERER.render(SHELF, TOASTER))).contains("1.299,00\u00a0€");
        assertThat(pdfText(RENDERER.render(SHELF.withLocaleTag("en-US"), TOASTER))).contains("€1,299.00");
    }

    @Test
    void refusesAnUnknownCurrency() {
        LabelData euro = new LabelData("Toaster", BigDecimal.TEN, "EURO", "ART-1", null, null);

        assertRefused(SHELF, euro).hasMessage("unknown currency 'EURO' (an ISO 4217 code such as EUR is expected)");
    }

    @Test
    void refusesANameTheFontCannotPrint() {
        assertRefused(SHELF, withName(KETTLE, "Teekanne 茶壶"))
                .hasMessage("the product name has a character the label font cannot print: U+8336 in 'Teekanne 茶壶'");
    }

    @Test
    void refusesAnArticleNumberWhoseBarcodeIsTooWideForTheLabel() {
        LabelData longNumber = new LabelData("Kabel", BigDecimal.ONE, "EUR", "KABEL-NYM-J-3X1,5-RING-50M-GRAU", null, null);

        assertRefused(SHELF, longNumber)
                .hasMessageStartingWith("the CODE_128 barcode of 'KABEL-NYM-J-3X1,5-RING-50M-GRAU' has");
    }

    @Test
    void refusesAPriceThatDoesNotFitEvenSmall() {
        LabelData priceless = new LabelData("Gemälde", new BigDecimal("1000000000000000"), "EUR", "ART-1", null, null);

        assertRefused(SHELF, priceless)
                .hasMessage("the price 1.000.000.000.000.000,00\u00a0€ does not fit on the label at 6.0 pt or more");
    }

    @Test
    void refusesATemplateTooSmallForABarcode() {
        LabelTemplate tiny = new LabelTemplate(40, 15, 2, 9, 2, 14, 6, true, "de-DE", 300,
                io.stagewire.labelworker.domain.BarcodeFormat.AUTO);

        assertRefused(tiny, KETTLE).hasMessageStartingWith("the label is too small:");
    }

    @Test
    void failsClearlyWhenTheFontsAreMissing(@TempDir Path empty) {
        assertThatThrownBy(() -> LabelFonts.load(empty)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(empty.resolve("DejaVuSans.ttf") + " is not readable")
                .hasMessageContaining("fonts-dejavu-core");
    }

    /** Leaves samples in target/label-samples for looking at; docs/images/label-sample.png is one of them. */
    @Test
    void writesSamplesToLookAt() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "label-samples"));
        LabelData onSale = new LabelData("Wasserkocher Edelstahl 1,7 l mit Kalkfilter und Warmhaltefunktion",
                new BigDecimal("19.99"), "EUR", "ART-10234", VALID_EAN, new BigDecimal("24.99"));
        for (var sample : Map.of("ean", onSale, "code128", TOASTER).entrySet()) {
            RenderedLabel label = RENDERER.render(SHELF, sample.getValue());
            Files.write(dir.resolve(sample.getKey() + ".png"), label.png());
            Files.write(dir.resolve(sample.getKey() + ".pdf"), label.pdf());
            try (PDDocument pdf = Loader.loadPDF(label.pdf())) {
                ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 300, ImageType.RGB), "png",
                        dir.resolve(sample.getKey() + "-pdf.png").toFile());
            }
        }
        assertThat(dir.resolve("ean.png")).isNotEmptyFile();
    }

    private static void assertScansAs(BufferedImage image, BarcodeFormat format, String content) {
        Result result;
        try {
            result = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.TRY_HARDER, true, DecodeHintType.POSSIBLE_FORMATS, EnumSet.of(
                            BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E,
                            BarcodeFormat.CODE_128, BarcodeFormat.CODE_39, BarcodeFormat.CODE_93, BarcodeFormat.ITF,
                            BarcodeFormat.CODABAR)));
        } catch (NotFoundException e) {
            throw new AssertionError("no barcode found in the label", e);
        }
        assertThat(result.getBarcodeFormat()).isEqualTo(format);
        assertThat(result.getText()).isEqualTo(content);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(LabelTemplate template, LabelData data) {
        return assertThatThrownBy(() -> RENDERER.render(template, data)).isInstanceOf(LabelRenderingException.class);
    }

    private static BufferedImage png(RenderedLabel label) {
        try {
            return ImageIO.read(new ByteArrayInputStream(label.png()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pdfText(RenderedLabel label) {
        try (PDDocument pdf = Loader.loadPDF(label.pdf())) {
            return new PDFTextStripper().getText(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LabelData withEan(LabelData data, String ean) {
        return new LabelData(data.name(), data.price(), data.currency(), data.articleNumber(), ean, data.oldPrice());
    }

    private static LabelData withName(LabelData data, String name) {
        return new LabelData(name, data.price(), data.currency(), data.articleNumber(), data.ean(), data.oldPrice());
    }
}
