package io.stagewire.labelworker.service;

import io.quarkus.cache.CacheResult;
import io.stagewire.labelworker.persistence.LabelTemplates;
import io.stagewire.labelworker.persistence.PriceListRows;
import io.stagewire.labelworker.persistence.StoredLabelTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Price lists and templates, each read once per worker: job-api never changes a stored price list
 * or template (a new upload is a new id), so a cached copy is never stale. The caches are bounded
 * (application.properties), so a long-running worker does not keep every list it ever saw.
 */
@ApplicationScoped
public class Catalog {
    private final PriceListRows priceListRows;
    private final LabelTemplates templates;

    Catalog(PriceListRows priceListRows, LabelTemplates templates) {
        this.priceListRows = priceListRows;
        this.templates = templates;
    }

    /**
     * The matcher of a price list, indexed once and shared by all threads; empty when there is no
     * such list.
     *
     * @param currency the currency of the list's prices (the label template's)
     */
    @CacheResult(cacheName = "price-list-matchers")
    public Optional<PriceListMatcher> matcher(String priceListId, String currency) {
        return priceListRows.load(priceListId, currency).map(PriceListMatcher::of);
    }

    @CacheResult(cacheName = "label-templates")
    public Optional<StoredLabelTemplate> template(String templateId) {
        return templates.find(templateId);
    }
}
