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

/** What the demo shop holds (deploy/demo-shop/expected.json, generated with the shop): the answers a job must find. */
public final class DemoShop {

    /** One product page and how it stands against the price list ({@code matched}, {@code price-differs}, {@code missing}). */
    public record Product(String path, String article, String name, BigDecimal price, BigDecimal listPrice, String ean,
                          String status) {
    }

    private DemoShop() {
    }

    public static Path priceList() {
        return RunningStack.root().resolve("deploy/demo-shop/price-list.xlsx");
    }

    /** Every product, by its page path ("/products/slug/"). */
    public static Map<String, Product> productsByPath() {
        try {
            JsonNode expected = new ObjectMapper().readTree(RunningStack.root().resolve("deploy/demo-shop/expected.json").toFile());
            List<Product> products = StreamSupport.stream(expected.path("products").spliterator(), false)
                    .map(p -> new Product(p.path("path").asText(), p.path("article").asText(), p.path("name").asText(),
                            p.path("price").decimalValue(),
                            p.path("listPrice").isNull() ? null : p.path("listPrice").decimalValue(),
                            p.path("ean").isNull() ? null : p.path("ean").asText(), p.path("status").asText()))
                    .toList();
            return products.stream().collect(Collectors.toMap(Product::path, Function.identity()));
        } catch (IOException e) {
            throw new IllegalStateException("deploy/demo-shop/expected.json is not readable", e);
        }
    }
}
