package io.stagewire.labelworker.service;

import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.EAN13Writer;
import io.stagewire.labelworker.domain.BarcodeFormat;
import io.stagewire.labelworker.domain.BarcodeType;
import io.stagewire.labelworker.domain.LabelData;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The barcode a template's {@link BarcodeFormat} gives a label's data. */
final class BarcodeChooser {
    private static final Pattern THIRTEEN_DIGITS = Pattern.compile("\\d{13}");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private BarcodeChooser() {
    }

    /** The barcode, or empty for {@link BarcodeFormat#NONE}. */
    static Optional<LabelBarcode> choose(LabelData data, BarcodeFormat format) {
        return switch (format) {
            case AUTO -> Optional.of(choose(data));
            case CODE_128 -> Optional.of(code128(data.articleNumber(), null));
            case EAN_13 -> Optional.of(ean13(data).orElseThrow(problem -> new LabelRenderingException(
                    "the template asks for an EAN-13 barcode, but " + problem)));
            case NONE -> Optional.empty();
        };
    }

    /** EAN-13 when the label has a valid EAN, else Code128 of the article number. */
    static LabelBarcode choose(LabelData data) {
        if (data.ean() == null || data.ean().isBlank()) {
            return code128(data.articleNumber(), null);
        }
        Ean13Outcome ean = ean13(data);
        return ean.barcode() != null ? ean.barcode() : code128(data.articleNumber(), ean.problem());
    }

    /** The EAN-13 barcode, or why the label's EAN cannot be one. */
    private static Ean13Outcome ean13(LabelData data) {
        String ean = data.ean() == null ? "" : WHITE_SPACE.matcher(data.ean()).replaceAll("");
        if (ean.isEmpty()) {
            return Ean13Outcome.problem("article '" + data.articleNumber() + "' has no EAN");
        }
        if (!THIRTEEN_DIGITS.matcher(ean).matches()) {
            return Ean13Outcome.problem("EAN '" + data.ean() + "' is not 13 digits");
        }
        try {
            // The writer verifies the check digit of a 13-digit EAN and refuses a wrong one.
            return new Ean13Outcome(new LabelBarcode(BarcodeType.EAN_13, ean, new EAN13Writer().encode(ean), null), null);
        } catch (IllegalArgumentException wrongCheckDigit) {
            return Ean13Outcome.problem("EAN '" + ean + "' has a wrong check digit");
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

    /** An EAN-13 barcode or the reason there is none; exactly one is set. */
    private record Ean13Outcome(LabelBarcode barcode, String problem) {
        static Ean13Outcome problem(String problem) {
            return new Ean13Outcome(null, problem);
        }

        LabelBarcode orElseThrow(Function<String, LabelRenderingException> failure) {
            if (barcode == null) {
                throw failure.apply(problem);
            }
            return barcode;
        }
    }
}
