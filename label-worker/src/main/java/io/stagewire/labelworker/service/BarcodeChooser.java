package io.stagewire.labelworker.service;

import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.EAN13Writer;
import io.stagewire.labelworker.domain.BarcodeType;
import io.stagewire.labelworker.domain.LabelData;
import java.util.regex.Pattern;

/** EAN-13 when the label has a valid EAN, else Code128 of the article number. */
final class BarcodeChooser {
    private static final Pattern THIRTEEN_DIGITS = Pattern.compile("\\d{13}");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private BarcodeChooser() {
    }

    static LabelBarcode choose(LabelData data) {
        String ean = data.ean() == null ? "" : WHITE_SPACE.matcher(data.ean()).replaceAll("");
        if (ean.isEmpty()) {
            return code128(data.articleNumber(), null);
        }
        if (!THIRTEEN_DIGITS.matcher(ean).matches()) {
            return code128(data.articleNumber(), "EAN '" + data.ean() + "' is not 13 digits");
        }
        try {
            // The writer verifies the check digit of a 13-digit EAN and refuses a wrong one.
            return new LabelBarcode(BarcodeType.EAN_13, ean, new EAN13Writer().encode(ean), null);
        } catch (IllegalArgumentException wrongCheckDigit) {
            return code128(data.articleNumber(), "EAN '" + ean + "' has a wrong check digit");
        }
    }

    private static LabelBarcode code128(String articleNumber, String eanProblem) {
        try {
            boolean[] modules = new Code128Writer().encode(articleNumber);
            String fallback = eanProblem == null ? null : eanProblem + "; the barcode is Code128 of the article number";
            return new LabelBarcode(BarcodeType.CODE_128, articleNumber, modules, fallback);
        } catch (IllegalArgumentException e) {
            throw new LabelRenderingException("article number '" + articleNumber + "' cannot be a Code128 barcode: "
                    + e.getMessage(), e);
        }
    }
}
