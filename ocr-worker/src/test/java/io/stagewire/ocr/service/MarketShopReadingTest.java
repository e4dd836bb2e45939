package io.stagewire.ocr.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagewire.ocr.DemoShopScreenshots;
import io.stagewire.ocr.engine.TesseractPool;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 6: every product of the market shop (deploy/market-shop; three themes — light, dark, a discounter's
 * yellow price box —, three languages, codes and prices as shops write them), as the crawler captured it, through the
 * real Tesseract. Nothing may be read wrong — an article number, price, currency, previous price or from-word that is
 * read must be the shop's (a field not read is left for review; a wrong one would be printed) — and at least
 * {@value #READ_COMPLETELY} of the 36 must be read completely: the target is 99 %, that is all 36. The
 * screenshots are in src/test/resources/market-shop, the answers in deploy/market-shop/expected.json.
 */
class MarketShopReadingTest {
    /** All 36 since the coloured price boxes are read on their own (2026-12-05; 34 before). Never lower it. */
    static final int READ_COMPLETELY = 36;
    private static TesseractPool pool;
    private static OcrService ocr;

    @BeforeAll
    static void start() {
        pool = new TesseractPool(DemoShopScreenshots.SETTINGS, Math.max(2, Runtime.getRuntime().availableProcessors()));
        ocr = new OcrService(pool, new FieldExtractor());
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void readsArticleNumberPriceAndCurrencyOfEveryProductAsTheShopShowsThem() throws IOException {
        JsonNode products = new ObjectMapper().readTree(Path.of("../deploy/market-shop/expected.json").toFile()).path("products");
        List<String> misread = new ArrayList<>();
        List<String> wrongExtras = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        int read = 0;
        for (JsonNode product : products) {
            String slug = product.path("path").asText().replaceFirst("^/artikel/", "").replaceFirst("\\.html$", "");
            ProductFields fields = ocr.read(DemoShopScreenshots.bytesOf("/market-shop/" + slug + ".png")).fields();
            read++;
            BigDecimal price = product.path("price").decimalValue();
            String shop = product.path("article").asText() + " " + price + " " + product.path("currency").asText();
            String readAs = fields.articleNumber() + " " + fields.price() + " " + fields.currency();
            if (fields.articleNumber() != null && !product.path("article").asText().equals(fields.articleNumber())
                    || fields.price() != null && (fields.price().compareTo(price) != 0
                            || !product.path("currency").asText().equals(fields.currency()))) {
                wrong.add(slug + ": " + shop + " read as " + readAs);
            }
            if (fields.articleNumber() == null || fields.price() == null) {
                misread.add(slug + ": " + shop + " read as " + readAs);
                continue;
            }
            if (fields.previousPrice() != null && (!product.path("previousPrice").isNumber()
                    || fields.previousPrice().compareTo(product.path("previousPrice").decimalValue()) != 0)) {
                wrongExtras.add(slug + ": previous price " + fields.previousPrice() + ", shop " + product.path("previousPrice"));
            }
            if (fields.pricePrefix() != null && !fields.pricePrefix().equalsIgnoreCase(product.path("pricePrefix").asText())) {
                wrongExtras.add(slug + ": prefix " + fields.pricePrefix() + ", shop " + product.path("pricePrefix"));
            }
        }
        System.out.printf("MarketShopReadingTest: %d of %d read completely; not read %s; read wrong %s; wrong extras %s%n",
                read - misread.size(), read, misread, wrong, wrongExtras);
        assertThat(read).isEqualTo(36);
        assertThat(wrong).as("read wrong").isEmpty();
        assertThat(wrongExtras).as("previous prices and from-words not the shop's").isEmpty();
        assertThat(read - misread.size()).as("read completely; not read: %s", misread).isGreaterThanOrEqualTo(READ_COMPLETELY);
    }
}
