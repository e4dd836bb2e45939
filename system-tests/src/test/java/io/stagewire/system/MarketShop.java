package io.stagewire.system;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the market shop holds (deploy/market-shop/expected.json, generated with the shop; docs/market-shop.md): a shop
 * unlike the demo shop, found without selectors, with the answers a job must find.
 */
public final class MarketShop {
    public static final String URL = "http://localhost:8071/";

    /**
     * One product page and what a job must report for it.
     *
     * @param status {@code matched}, {@code price-differs}, {@code tolerant} (the list spells the number otherwise),
     *               {@code missing} or {@code ambiguous} (both: review, never a label)
     * @param listArticle the price-list row it must match; null for missing and ambiguous
     */
    public record Product(String path, String article, String name, BigDecimal price, String currency,
                          BigDecimal previousPrice, String pricePrefix, String ean, String evidence,
                          boolean evidenceDisagrees, String status, String listArticle, BigDecimal listPrice) {

        public boolean forReview() {
            return status.equals("missing") || status.equals("ambiguous");
        }
    }

    private MarketShop() {
    }

    public static Path priceList() {
        return RunningStack.root().resolve("deploy/market-shop/price-list.xlsx");
    }

    /** Every product, by its page path ("/artikel/slug-12345.html"). */
    public static Map<String, Product> productsByPath() {
        try {
            JsonNode expected = new ObjectMapper().readTree(RunningStack.root().resolve("deploy/market-shop/expected.json").toFile());
            List<Product> products = StreamSupport.stream(expected.path("products").spliterator(), false)
                    .map(p -> new Product(p.path("path").asText(), p.path("article").asText(), p.path("name").asText(),
                            p.path("price").decimalValue(), p.path("currency").asText(), decimal(p, "previousPrice"),
                            text(p, "pricePrefix"), text(p, "ean"), text(p, "evidence"), p.path("evidenceDisagrees").asBoolean(),
                            p.path("status").asText(), text(p, "listArticle"), decimal(p, "listPrice")))
                    .toList();
            return products.stream().collect(Collectors.toMap(Product::path, Function.identity()));
        } catch (IOException e) {
            throw new IllegalStateException("deploy/market-shop/expected.json is not readable", e);
        }
    }

    private static BigDecimal decimal(JsonNode product, String field) {
        return product.path(field).isNumber() ? product.path(field).decimalValue() : null;
    }

    private static String text(JsonNode product, String field) {
        return product.path(field).isTextual() ? product.path(field).asText() : null;
    }
}
