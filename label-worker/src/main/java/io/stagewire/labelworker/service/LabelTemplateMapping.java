package io.stagewire.labelworker.service;

import io.stagewire.labelworker.domain.BarcodeFormat;
import io.stagewire.labelworker.domain.LabelTemplate;
import io.stagewire.data.catalog.LabelTemplateRow;
import java.util.Arrays;

/**
 * A stored template (size, barcode format, currency, one font size) as the renderer's
 * {@link LabelTemplate}. The type sizes keep the proportions of {@link LabelTemplate#SHELF_LABEL},
 * whose name is 8.5 pt: the stored font size is the name's, the price is drawn up to 22/8.5 of it
 * (it shrinks to fit anyway) and the article number at 6/8.5 of it. The price format follows the
 * worker's locale; the template names only the currency.
 */
public final class LabelTemplateMapping {
    private static final LabelTemplate REFERENCE = LabelTemplate.SHELF_LABEL;
    private static final float MIN_FONT_PT = 4;

    private LabelTemplateMapping() {
    }

    /** @throws IllegalArgumentException naming what makes the stored template unusable */
    public static LabelTemplate toLabelTemplate(LabelTemplateRow stored, String localeTag) {
        float name = stored.fontSizePt();
        float scale = name / REFERENCE.nameFontPt();
        return new LabelTemplate(stored.widthMm(), stored.heightMm(), REFERENCE.marginMm(), name,
                REFERENCE.nameMaxLines(), REFERENCE.priceFontPt() * scale,
                Math.max(MIN_FONT_PT, REFERENCE.detailFontPt() * scale), REFERENCE.showOldPrice(), localeTag,
                REFERENCE.dpi(), barcodeFormat(stored.barcodeFormat()));
    }

    private static BarcodeFormat barcodeFormat(String stored) {
        try {
            return BarcodeFormat.valueOf(stored);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("barcode format '" + stored + "' is not one of "
                    + Arrays.toString(BarcodeFormat.values()));
        }
    }
}
