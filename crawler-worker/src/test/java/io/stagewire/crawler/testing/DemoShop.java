package io.stagewire.crawler.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The demo shop's products as deploy/demo-shop/expected.json lists them, in listing order. */
public final class DemoShop {

    public record Product(String path, String name, String template) {
    }

    private DemoShop() {
    }

    public static List<Product> products() {
        try {
            JsonNode expected = new ObjectMapper().readTree(Path.of("../deploy/demo-shop/expected.json").toFile());
            List<Product> products = new ArrayList<>();
            for (JsonNode product : expected.get("products")) {
                products.add(new Product(product.get("path").asText(), product.get("name").asText(),
                        product.get("template").asText()));
            }
            return products;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
