package io.stagewire.events.work;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a product page states in machine-readable form (schema.org JSON-LD or microdata, or OpenGraph
 * {@code product:} meta tags), recorded by the crawler beside the screenshot so that OCR can be checked
 * against it. Every field may be null; values are as the page states them, cut to {@value #MAX_CHARS}
 * characters. Read from another system's event, fields it does not list are dropped.
 *
 * @param source   where it was read: {@code json-ld}, {@code microdata} or {@code meta}
 * @param price    the offer's price as a decimal with a dot ({@code 97.26}); for a range its lowest price
 * @param currency ISO 4217 code as the page gives it ({@code EUR})
 * @param gtin     GTIN/EAN (8, 12, 13 or 14 digits) as stated
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageEvidence(String source, String name, String price, String currency, String sku, String gtin) {
    public static final int MAX_CHARS = 200;

    public PageEvidence {
        name = cut(name);
        price = cut(price);
        currency = cut(currency);
        sku = cut(sku);
        gtin = cut(gtin);
    }

    /** Nothing besides where it came from. */
    @JsonIgnore
    public boolean isEmpty() {
        return name == null && price == null && currency == null && sku == null && gtin == null;
    }

    private static String cut(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() <= MAX_CHARS ? stripped : stripped.substring(0, MAX_CHARS);
    }
}
