package io.stagewire.labelworker.pipeline;

import io.quarkus.cache.CacheResult;
import io.stagewire.data.catalog.CatalogReader;
import io.stagewire.data.catalog.LabelTemplateRow;
import io.stagewire.data.catalog.PriceListSize;
import io.stagewire.labelworker.config.LabelWorkerConfig;
import io.stagewire.labelworker.domain.PriceListRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import io.stagewire.labelworker.service.PriceListMatcher;

/**
 * Price lists and templates, each read once per worker: job-api never changes a stored price list
 * or template (a new upload is a new id), so a cached copy is never stale. The caches are bounded
 * (application.properties), so a long-running worker does not keep every list it ever saw. A list is
 * held in memory whole, so its rows are read only after its size is known to fit
 * {@code stagewire.label.max-price-list-rows} and {@code stagewire.label.max-price-list-text-bytes}.
 */
@ApplicationScoped
public class Catalog {
    private final CatalogReader reader;
    private final int maxRows;
    private final long maxTextBytes;

    Catalog(CatalogReader reader, LabelWorkerConfig config) {
        this.reader = reader;
        this.maxRows = config.maxPriceListRows();
        this.maxTextBytes = config.maxPriceListTextBytes();
    }

    /**
     * The matcher of {@code ownerId}'s price list, indexed once and shared by all threads, or the reason there is
     * none (no such list of this owner's, or one over the size limits). The owner is part of the cache key, so a
     * list read for its owner is never handed to anyone else.
     *
     * @param currency the currency of the list's prices (the label template's): price lists carry none
     */
    @CacheResult(cacheName = "price-list-matchers")
    public PriceListLookup matcher(String priceListId, String ownerId, String currency) {
        Optional<PriceListSize> size = reader.priceListSize(priceListId, ownerId);
        if (size.isEmpty()) {
            return new PriceListLookup(null, "no price list '" + priceListId + "'");
        }
        if (size.get().rows() > maxRows || size.get().textBytes() > maxTextBytes) {
            return new PriceListLookup(null, "price list '" + priceListId + "' has " + size.get().rows() + " rows and "
                    + size.get().textBytes() + " bytes of text, more than the label worker's limit of " + maxRows
                    + " rows and " + maxTextBytes + " bytes");
        }
        List<PriceListRow> rows = reader.priceListRows(priceListId, maxRows).stream()
                .map(row -> new PriceListRow(row.articleNumber(), row.name(), row.price(), currency, row.ean()))
                .toList();
        return new PriceListLookup(PriceListMatcher.of(rows), null);
    }

    /** A matcher, or the reason there is none. */
    public record PriceListLookup(PriceListMatcher matcher, String refusal) {
    }

    /** A built-in template (no owner) or one of {@code ownerId}'s; another user's is not told apart from none. */
    public Optional<LabelTemplateRow> template(String templateId, String ownerId) {
        return template(templateId).filter(template -> template.userId() == null || template.userId().equals(ownerId));
    }

    @CacheResult(cacheName = "label-templates")
    Optional<LabelTemplateRow> template(String templateId) {
        return reader.template(templateId);
    }
}
