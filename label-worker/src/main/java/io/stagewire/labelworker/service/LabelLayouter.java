package io.stagewire.labelworker.service;

import io.stagewire.labelworker.domain.BarcodeType;
import io.stagewire.labelworker.domain.LabelData;
import io.stagewire.labelworker.domain.LabelTemplate;
import io.stagewire.labelworker.service.LabelLayout.Bar;
import io.stagewire.labelworker.service.LabelLayout.Element;
import io.stagewire.labelworker.service.LabelLayout.Text;
import java.awt.font.LineMetrics;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lays a label out: the product name across the top, the barcode bottom left, and on the right
 * the price as large as fits, an optional struck-through old price above it and the article number
 * below it.
 */
final class LabelLayouter {
    private static final float PT_PER_MM = 72f / 25.4f;
    private static final float GAP_PT = 1 * PT_PER_MM;
    /** EAN-13's nominal module; wider bars only take room from the price. */
    private static final double MAX_MODULE_MM = 0.33;
    /** Narrower bars than this are beyond what common shelf scanners read. */
    private static final double MIN_MODULE_MM = 0.15;
    /** The barcode (with its quiet zones) may take this share of the label's width. */
    private static final float BARCODE_SHARE = 0.6f;
    private static final float MIN_BAR_HEIGHT_PT = 4 * PT_PER_MM;
    private static final float MIN_PRICE_PT = 6;
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private final LabelFonts fonts;
    private final TextFitter fitter;

    LabelLayouter(LabelFonts fonts) {
        this.fonts = fonts;
        this.fitter = new TextFitter(fonts);
    }

    LabelLayout layout(LabelTemplate template, LabelData data, LabelBarcode barcode) {
        return layout(template, data, Optional.of(barcode));
    }

    /** Without a barcode the price column spans the label's width. */
    LabelLayout layout(LabelTemplate template, LabelData data, Optional<LabelBarcode> barcode) {
        return new Layout(template, data, barcode.orElse(null)).build();
    }

    /** The state of one layout in progress. */
    private final class Layout {
        private final LabelTemplate template;
        private final LabelData data;
        /** null: the template asks for none. */
        private final LabelBarcode barcode;
        private final Locale locale;
        private final float width;
        private final float height;
        private final float margin;
        private final float pixel;
        private final List<Element> elements = new ArrayList<>();

        Layout(LabelTemplate template, LabelData data, LabelBarcode barcode) {
            this.template = template;
            this.data = data;
            this.barcode = barcode;
            this.locale = template.locale();
            this.width = (float) template.widthMm() * PT_PER_MM;
            this.height = (float) template.heightMm() * PT_PER_MM;
            this.margin = (float) template.marginMm() * PT_PER_MM;
            this.pixel = 72f / template.dpi();
        }

        LabelLayout build() {
            float regionTop = name();
            float columnLeft = barcode == null ? margin : barcode(regionTop);
            priceColumn(regionTop, columnLeft);
            return new LabelLayout(width, height, elements);
        }

        /** The name in bold across the top; returns where the region below it starts. */
        private float name() {
            String name = printable("product name", WHITE_SPACE.matcher(data.name()).replaceAll(" ").strip());
            float size = template.nameFontPt();
            LineMetrics metrics = fonts.lineMetrics(FontFace.BOLD, size);
            float top = margin;
            for (String line : fitter.wrap(name, FontFace.BOLD, size, width - 2 * margin, template.nameMaxLines())) {
                elements.add(new Text(line, FontFace.BOLD, size, margin, top + metrics.getAscent()));
                top += metrics.getHeight();
            }
            return top == margin ? margin : top + GAP_PT;
        }

        /**
         * Bars on whole PNG pixels (so they print and scan crisply) with quiet zones on both sides,
         * the EAN's digits below them; returns the right edge of the right quiet zone.
         */
        private float barcode(float top) {
            int modulePx = modulePixels();
            float module = modulePx * pixel;
            float barsLeft = snapToPixel(Math.max(margin, LabelBarcode.QUIET_ZONE_MODULES * module));
            float bottom = height - margin;
            if (barcode.type() == BarcodeType.EAN_13) {
                bottom = digitsUnderBars(barcode.content(), barsLeft, barcode.moduleCount() * module);
            }
            float barHeight = bottom - top;
            if (barHeight < MIN_BAR_HEIGHT_PT) {
                throw new LabelRenderingException(String.format(Locale.ROOT,
                        "the label is too small: %.1f mm left for the barcode's height, at least %.0f mm needed",
                        barHeight / PT_PER_MM, MIN_BAR_HEIGHT_PT / PT_PER_MM));
            }
            boolean[] modules = barcode.modules();
            for (int start = 0; start < modules.length; start++) {
                if (modules[start]) {
                    int end = start;
                    while (end < modules.length && modules[end]) {
                        end++;
                    }
                    elements.add(new Bar(barsLeft + start * module, top, (end - start) * module, barHeight));
                    start = end;
                }
            }
            return barsLeft + (modules.length + LabelBarcode.QUIET_ZONE_MODULES) * module;
        }

        /** The widest module up to EAN's nominal one at which the barcode fits its share of the width. */
        private int modulePixels() {
            double pixelsPerMm = template.dpi() / 25.4;
            int widest = (int) Math.round(MAX_MODULE_MM * pixelsPerMm);
            int narrowest = (int) Math.ceil(MIN_MODULE_MM * pixelsPerMm);
            int totalModules = barcode.moduleCount() + 2 * LabelBarcode.QUIET_ZONE_MODULES;
            for (int px = widest; px >= narrowest; px--) {
                if (totalModules * px * pixel <= width * BARCODE_SHARE) {
                    return px;
                }
            }
            throw new LabelRenderingException(String.format(Locale.ROOT,
                    "the %s barcode of '%s' has %d modules and needs at least %.1f mm; the label leaves %.1f mm for it",
                    barcode.type(), barcode.content(), totalModules, totalModules * MIN_MODULE_MM,
                    width * BARCODE_SHARE / PT_PER_MM));
        }

        /** Returns the bottom of the bars, just above the digits. */
        private float digitsUnderBars(String digits, float barsLeft, float barsWidth) {
            float size = template.detailFontPt();
            LineMetrics metrics = fonts.lineMetrics(FontFace.REGULAR, size);
            float baseline = height - margin - metrics.getDescent();
            float x = barsLeft + (barsWidth - fonts.width(FontFace.REGULAR, size, digits)) / 2;
            elements.add(new Text(digits, FontFace.REGULAR, size, x, baseline));
            return baseline - metrics.getAscent();
        }

        /** Article number at the bottom right; above it the price, and the old price above that. */
        private void priceColumn(float top, float left) {
            float right = width - margin;
            float columnWidth = right - left;

            TextFitter.FittedLine article = fitter.shrinkToFit(printable("article number", data.articleNumber()),
                    FontFace.REGULAR, template.detailFontPt(), 4, columnWidth);
            LineMetrics articleMetrics = fonts.lineMetrics(FontFace.REGULAR, article.sizePt());
            float articleBaseline = height - margin - articleMetrics.getDescent();
            addRightAligned(article.text(), FontFace.REGULAR, article.sizePt(), right, articleBaseline);

            String oldPrice = oldPrice();
            float oldPriceSize = Math.max(template.detailFontPt(), template.nameFontPt());
            Rectangle2D oldInk = oldPrice == null ? null : fonts.inkBounds(FontFace.REGULAR, oldPriceSize, oldPrice);
            float oldPriceHeight = oldInk == null ? 0 : (float) oldInk.getHeight() + GAP_PT;

            String price = PriceFormat.format(data.price(), data.currency(), locale);
            if (data.pricePrefix() != null) {
                price = printable("price prefix", data.pricePrefix()) + " " + price;
            }
            float bottom = articleBaseline - articleMetrics.getAscent();
            float priceSize = priceSize(price, columnWidth, bottom - top - oldPriceHeight - GAP_PT);
            Rectangle2D priceInk = fonts.inkBounds(FontFace.BOLD, priceSize, price);

            // The price (and old price) block sits centred in the room above the article number.
            float blockHeight = oldPriceHeight + (float) priceInk.getHeight();
            float blockTop = top + (bottom - GAP_PT - top - blockHeight) / 2;
            if (oldInk != null) {
                float oldBaseline = blockTop - (float) oldInk.getMinY();
                float oldX = addRightAligned(oldPrice, FontFace.REGULAR, oldPriceSize, right, oldBaseline);
                float thickness = Math.max(oldPriceSize * 0.07f, pixel);
                elements.add(new Bar(oldX, oldBaseline + (float) oldInk.getCenterY() - thickness / 2,
                        right - oldX, thickness));
            }
            addRightAligned(price, FontFace.BOLD, priceSize, right,
                    blockTop + oldPriceHeight - (float) priceInk.getMinY());
        }

        /** As large as the template allows, but no wider than the column and no taller than the room. */
        private float priceSize(String price, float columnWidth, float room) {
            float byWidth = fitter.shrinkToFit(price, FontFace.BOLD, template.priceFontPt(), MIN_PRICE_PT, columnWidth).sizePt();
            float inkPerPt = (float) fonts.inkBounds(FontFace.BOLD, 1, price).getHeight();
            float byHeight = (float) Math.floor(2 * room / inkPerPt) / 2;
            float size = Math.min(byWidth, byHeight);
            if (size < MIN_PRICE_PT || fonts.width(FontFace.BOLD, size, price) > columnWidth) {
                throw new LabelRenderingException("the price " + price + " does not fit on the label at "
                        + MIN_PRICE_PT + " pt or more");
            }
            return size;
        }

        private String oldPrice() {
            if (!template.showOldPrice() || data.oldPrice() == null || data.oldPrice().compareTo(data.price()) == 0) {
                return null;
            }
            return PriceFormat.format(data.oldPrice(), data.currency(), locale);
        }

        private float addRightAligned(String text, FontFace face, float size, float right, float baseline) {
            float x = right - fonts.width(face, size, text);
            elements.add(new Text(text, face, size, x, baseline));
            return x;
        }

        private float snapToPixel(float pt) {
            return (float) Math.ceil(pt / pixel) * pixel;
        }

        private String printable(String what, String text) {
            for (FontFace face : FontFace.values()) {
                int missing = fonts.firstMissingGlyph(face, text);
                if (missing >= 0) {
                    throw new LabelRenderingException(String.format(Locale.ROOT,
                            "the %s has a character the label font cannot print: U+%04X in '%s'",
                            what, text.codePointAt(missing), text));
                }
            }
            return text;
        }
    }
}
