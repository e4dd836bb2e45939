package io.stagewire.labelworker.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Prices as the label's locale writes them: de-DE gives {@code 19,99 €}, en-US {@code €19.99}. */
final class PriceFormat {

    private PriceFormat() {
    }

    static String format(BigDecimal amount, String currencyCode, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency(currencyCode));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LabelRenderingException("unknown currency '" + code + "' (an ISO 4217 code such as EUR is expected)");
        }
    }
}
