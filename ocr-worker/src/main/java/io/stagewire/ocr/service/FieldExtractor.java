package io.stagewire.ocr.service;

import io.stagewire.ocr.engine.RecognizedPage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Turns the words Tesseract recognised on a product screenshot into product fields. The rules
 * for each field are in {@link ArticleNumberReader}, {@link PriceReader}, {@link EanReader} and
 * {@link ProductNameReader}; docs/ocr-worker.md sums them up. Stateless and thread-safe.
 */
@ApplicationScoped
public class FieldExtractor {
    private final ArticleNumberReader articleNumbers = new ArticleNumberReader();
    private final PriceReader prices = new PriceReader();
    private final EanReader eans = new EanReader();
    private final ProductNameReader names = new ProductNameReader();

    public ProductFields extract(RecognizedPage page) {
        return extract(page, false);
    }

    /**
     * The fields of a page read a second time after {@link io.stagewire.ocr.engine.BackgroundFlattener}: only prices
     * written with their cents count ({@link PriceReader#read(RecognizedPage, boolean)}).
     */
    public ProductFields extractFlattened(RecognizedPage page) {
        return extract(page, true);
    }

    private ProductFields extract(RecognizedPage page, boolean centsWritten) {
        Optional<Reading<String>> articleNumber = articleNumbers.read(page);
        Optional<Reading<String>> name = names.read(page);
        Optional<PriceReader.SellingPrice> selling = prices.read(page, centsWritten);
        Optional<Reading<Price>> price = selling.map(PriceReader.SellingPrice::reading);
        Optional<Reading<String>> ean = eans.read(page);
        return new ProductFields(
                valueOf(articleNumber),
                valueOf(name),
                price.map(p -> p.value().amount()).orElse(null),
                price.map(p -> p.value().currency()).orElse(null),
                valueOf(ean),
                new FieldConfidence(confidenceOf(articleNumber), confidenceOf(name), confidenceOf(price), confidenceOf(ean)),
                price.flatMap(p -> prices.previous(page, p.value())).map(Price::amount).orElse(null),
                selling.map(PriceReader.SellingPrice::prefix).orElse(null));
    }

    private static <T> T valueOf(Optional<Reading<T>> reading) {
        return reading.map(Reading::value).orElse(null);
    }

    private static int confidenceOf(Optional<? extends Reading<?>> reading) {
        return reading.map(Reading::confidence).orElse(0);
    }
}
