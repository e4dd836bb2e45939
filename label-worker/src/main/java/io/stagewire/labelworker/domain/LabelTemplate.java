package io.stagewire.labelworker.domain;

import java.util.Locale;

/**
 * How a label looks: its physical size and type sizes. Sizes are in millimetres and points
 * (1/72 inch), like a print dialog; the PNG is rendered at {@code dpi}.
 *
 * @param nameMaxLines the product name wraps onto at most this many lines and is ellipsized after
 * @param priceFontPt the largest size for the price; it shrinks when a long price would not fit
 * @param detailFontPt article number and the digits under an EAN barcode
 * @param showOldPrice print a struck-through old price above the price when the label has one
 * @param localeTag BCP 47 tag deciding the price format, e.g. {@code de-DE} gives {@code 19,99 €}
 * @param barcodeFormat which barcode the label carries
 */
public record LabelTemplate(double widthMm, double heightMm, double marginMm, float nameFontPt, int nameMaxLines,
                            float priceFontPt, float detailFontPt, boolean showOldPrice, String localeTag, int dpi,
                            BarcodeFormat barcodeFormat) {

    /** A common shelf-edge label: 62 × 29 mm (the continuous 62 mm roll of label printers), German prices. */
    public static final LabelTemplate SHELF_LABEL = new LabelTemplate(62, 29, 2, 8.5f, 2, 22, 6, true, "de-DE", 300,
            BarcodeFormat.AUTO);

    public LabelTemplate {
        if (widthMm < 20 || heightMm < 15 || widthMm > 300 || heightMm > 300) {
            throw new IllegalArgumentException("label size must be 20–300 × 15–300 mm, was " + widthMm + " × " + heightMm);
        }
        if (marginMm < 0 || marginMm * 4 > Math.min(widthMm, heightMm)) {
            throw new IllegalArgumentException("margin must be 0 to a quarter of the shorter side, was " + marginMm);
        }
        if (nameFontPt < 4 || priceFontPt < 4 || detailFontPt < 4) {
            throw new IllegalArgumentException("font sizes must be at least 4 pt");
        }
        if (nameMaxLines < 1) {
            throw new IllegalArgumentException("nameMaxLines must be at least 1");
        }
        if (localeTag == null || Locale.forLanguageTag(localeTag).getLanguage().isEmpty()) {
            throw new IllegalArgumentException("localeTag must be a BCP 47 language tag such as de-DE, was " + localeTag);
        }
        if (dpi < 150 || dpi > 1200) {
            throw new IllegalArgumentException("dpi must be 150–1200, was " + dpi);
        }
        if (barcodeFormat == null) {
            throw new IllegalArgumentException("barcodeFormat is required");
        }
    }

    public Locale locale() {
        return Locale.forLanguageTag(localeTag);
    }

    public LabelTemplate withShowOldPrice(boolean show) {
        return new LabelTemplate(widthMm, heightMm, marginMm, nameFontPt, nameMaxLines, priceFontPt, detailFontPt, show,
                localeTag, dpi, barcodeFormat);
    }

    public LabelTemplate withBarcodeFormat(BarcodeFormat format) {
        return new LabelTemplate(widthMm, heightMm, marginMm, nameFontPt, nameMaxLines, priceFontPt, detailFontPt,
                showOldPrice, localeTag, dpi, format);
    }

    public LabelTemplate withLocaleTag(String tag) {
        return new LabelTemplate(widthMm, heightMm, marginMm, nameFontPt, nameMaxLines, priceFontPt, detailFontPt,
                showOldPrice, tag, dpi, barcodeFormat);
    }
}
