package io.stagewire.ocr.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds prices in a line of text: an amount with a currency right before or after it, e.g.
 * {@code 19,99 €}, {@code 1.299,00 €}, {@code EUR 1.299,00}, {@code € 4.50}, {@code € 1,249.00},
 * {@code € 1 234,56} (spaces between thousands), {@code EUR 12,-} (a dash for no cents).
 *
 * <p>Which separator is the decimal one follows from the shape, not from a locale: a final
 * {@code .} or {@code ,} followed by exactly two digits is the decimal separator, every other
 * {@code .}, {@code ,} or {@code '} separates thousands (and must be followed by three digits).
 * Tesseract sometimes reads a space after the decimal separator of large text ({@code 59, 90 €}):
 * it is allowed there.
 */
final class PriceText {
    private static final Map<String, String> CODE_OF_SYMBOL = Map.of("€", "EUR", "$", "USD", "£", "GBP");
    // A symbol, or three capitals that java.util.Currency knows as an ISO 4217 code (checked after matching).
    private static final String CURRENCY = "€|\\$|£|(?<![\\p{L}])[A-Z]{3}(?![\\p{L}])";
    /** Whole amounts written with a dash for the cents: "12,-", "12,–". */
    private static final String NO_CENTS = ",[-–—]";
    private static final Pattern PRICE = Pattern.compile(
            "(?:(?<before>" + CURRENCY + ")\\h?)?"
                    + "(?<![\\d.,])(?<amount>\\d{1,3}(?:[.,'’]\\d{3})+(?:[.,]\\h?\\d{2}|" + NO_CENTS + ")?"
                    // Spaces (also no-break and thin) between thousands only with decimals: "1 234,56".
                    + "|\\d{1,3}(?:\\h\\d{3})+[.,]\\d{2}"
                    + "|\\d+(?:[.,]\\h?\\d{2}|" + NO_CENTS + ")?)(?![\\d])"
                    + "(?:\\h?(?<after>" + CURRENCY + "))?");
    private static final Pattern DECIMALS = Pattern.compile("[.,]\\h?(\\d{2})$");

    /** One price in a text; {@code start}/{@code end} span the whole price, {@code amountStart}/{@code amountEnd} its digits. */
    record Found(Price price, int start, int end, int amountStart, int amountEnd) {
    }

    private PriceText() {
    }

    static List<Found> findAll(String text) {
        List<Found> found = new ArrayList<>();
        Matcher matcher = PRICE.matcher(text);
        int from = 0;
        while (from < text.length() && matcher.find(from)) {
            Optional<String> before = isoCode(matcher.group("before"));
            Optional<String> after = isoCode(matcher.group("after"));
            BigDecimal amount = parseAmount(matcher.group("amount"));
            if (before.isPresent()) {
                // "€ 29.99 € 39.99": a currency after an amount that has one before it belongs to the next amount.
                found.add(new Found(new Price(amount, before.get()), matcher.start("before"), matcher.end("amount"),
                        matcher.start("amount"), matcher.end("amount")));
                from = matcher.end("amount");
            } else if (after.isPresent() && !writtenWithCents(matcher.group("amount"))
                    && followedByItsOwnAmount(text, matcher.end("after")).isPresent()) {
                // "100 9 CHF 8.50" (a stray "9" from "100 g"): the currency is the written price's after it, not the
                // whole number's before it.
                Matcher own = followedByItsOwnAmount(text, matcher.end("after")).get();
                found.add(new Found(new Price(parseAmount(own.group("amount")), after.get()), matcher.start("after"),
                        own.end("amount"), own.start("amount"), own.end("amount")));
                from = own.end("amount");
            } else if (after.isPresent()) {
                // Starts at the amount: three capitals before it that are no currency ("UVP") are text, not part of the price.
                found.add(new Found(new Price(amount, after.get()), matcher.start("amount"), matcher.end("after"),
                        matcher.start("amount"), matcher.end("amount")));
                from = matcher.end("after");
            } else {
                from = matcher.end("amount");
            }
        }
        return found;
    }

    /** An amount with its cents right after a currency, with no currency of its own after it ("CHF 8.50"). */
    private static final Pattern OWN_AMOUNT = Pattern.compile(
            "\\h?(?<amount>\\d{1,3}(?:[.,'’]\\d{3})*[.,]\\h?\\d{2})(?!\\d)(?!\\h?(?:€|\\$|£|[A-Z]{3}(?![\\p{L}])))");

    private static Optional<Matcher> followedByItsOwnAmount(String text, int from) {
        Matcher own = OWN_AMOUNT.matcher(text).region(from, text.length());
        return own.lookingAt() ? Optional.of(own) : Optional.empty();
    }

    /** Whether an amount as written shows its cents: "8.50", "1.299,00", "12,-" (not "12"). */
    static boolean writtenWithCents(String amount) {
        return DECIMALS.matcher(amount).find() || amount.matches(".*" + NO_CENTS + "$");
    }

    /** The amount of a price as written, e.g. {@code 1.299,00} or {@code 1,249.00}, with two decimals. */
    static BigDecimal parseAmount(String written) {
        Matcher decimals = DECIMALS.matcher(written);
        if (decimals.find()) {
            return new BigDecimal(digitsOf(written.substring(0, decimals.start())) + "." + decimals.group(1));
        }
        return new BigDecimal(digitsOf(written)).setScale(2);
    }

    private static String digitsOf(String written) {
        return written.replaceAll("\\D", "");
    }

    private static Optional<String> isoCode(String currency) {
        if (currency == null) {
            return Optional.empty();
        }
        String code = CODE_OF_SYMBOL.getOrDefault(currency, currency);
        try {
            return Optional.of(Currency.getInstance(code).getCurrencyCode());
        } catch (IllegalArgumentException notIso4217) {
            return Optional.empty();
        }
    }
}
