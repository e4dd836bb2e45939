package io.stagewire.ocr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagewire.ocr.engine.TesseractSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Screenshots of the demo shop's product areas, taken the way the crawler takes them
 * ({@code deploy/demo-shop/ocr_check.py --save}), kept under {@code src/test/resources/screenshots},
 * and what each must read as, from {@code deploy/demo-shop/expected.json}.
 */
public final class DemoShopScreenshots {
    /** Debian's tessdata, as in production. */
    public static final TesseractSettings SETTINGS = new TesseractSettings(
            "/usr/share/tesseract-ocr/5/tessdata", "eng+deu", 1, 3, 96, 40_000_000, Map.of());

    /** One product screenshot and the values expected.json gives for it. */
    public record Screenshot(String slug, String template, String article, String name, BigDecimal price, String currency,
            String ean, byte[] png) {

        @Override
        public String toString() {
            return template + " " + slug;
        }
    }

    private DemoShopScreenshots() {
    }

    public static List<Screenshot> all() {
        Path directory = resource("/screenshots");
        JsonNode products = readExpected().get("products");
        return StreamSupport.stream(products.spliterator(), false)
                .filter(product -> Files.exists(directory.resolve(product.get("slug").asText() + ".png")))
                .map(product -> screenshot(product, directory))
                .toList();
    }

    public static Stream<Screenshot> stream() {
        return all().stream();
    }

    public static Screenshot bySlug(String slug) {
        return stream().filter(s -> s.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no screenshot " + slug));
    }

    /** A test resource's bytes, e.g. {@code /raised-cents/prices.png}: pages made for one rule, not the demo shop's. */
    public static byte[] bytesOf(String name) {
        try (java.io.InputStream in = DemoShopScreenshots.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Screenshot screenshot(JsonNode product, Path directory) {
        String slug = product.get("slug").asText();
        try {
            return new Screenshot(slug, product.get("template").asText(), product.get("article").asText(),
                    product.get("name").asText(), new BigDecimal(product.get("price").asText()).setScale(2),
                    product.get("currency").asText(), product.get("ean").isNull() ? null : product.get("ean").asText(),
                    Files.readAllBytes(directory.resolve(slug + ".png")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readExpected() {
        String location = System.getProperty("stagewire.demo-shop.expected", "../deploy/demo-shop/expected.json");
        try {
            return new ObjectMapper().readTree(Path.of(location).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo shop's expected.json at " + location, e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(DemoShopScreenshots.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
