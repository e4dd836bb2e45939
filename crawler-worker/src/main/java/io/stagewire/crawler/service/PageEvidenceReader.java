package io.stagewire.crawler.service;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import com.microsoft.playwright.Page;

import io.stagewire.events.work.PageEvidence;

/**
 * Reads what a loaded product page states about its product (resources/discovery/product-evidence.js), so the
 * OCR result can be checked against it. The price is normalised to a decimal with a dot; a price that is not a
 * number is dropped, the rest kept.
 */
final class PageEvidenceReader {

    private static final String SCRIPT = DiscoveryScripts.load("product-evidence.js");

    private PageEvidenceReader() {
    }

    static Optional<PageEvidence> read(Page page) {
        if (!(page.evaluate(SCRIPT) instanceof Map<?, ?> found)) {
            return Optional.empty();
        }
        PageEvidence evidence = new PageEvidence(string(found, "source"), string(found, "name"),
                decimal(string(found, "price")), string(found, "currency"), string(found, "sku"), string(found, "gtin"));
        return evidence.isEmpty() ? Optional.empty() : Optional.of(evidence);
    }

    /** schema.org asks for a dot and no grouping ("1234.56"); shops also write "1.234,56" or "12,99". */
    static String decimal(String price) {
        if (price == null) {
            return null;
        }
        String digits = price.replaceAll("[^0-9.,]", "");
        int comma = digits.lastIndexOf(',');
        int dot = digits.lastIndexOf('.');
        String normal;
        if (comma > dot) {
            normal = digits.replace(".", "").replace(',', '.');
        } else if (dot > comma && comma >= 0) {
            normal = digits.replace(",", "");
        } else {
            normal = digits;
        }
        try {
            return new BigDecimal(normal).toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String string(Map<?, ?> found, String key) {
        Object value = found.get(key);
        return value instanceof String text ? text : null;
    }
}
