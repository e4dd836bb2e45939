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
     * The matcher of {@code ownerId}'s price list, indexed once and shared by all threads, or the reason there is
     * none (no such list of this owner's, or one over the size limits). The owner is part of the cache key, so a
     * list read for its owner is never handed to anyone else.
     *
     * @param currency the currency of the list's prices (the label template's)
     */
    @CacheResult(cacheName = "price-list-matchers")
    public PriceListLookup matcher(String priceListId, String ownerId, String currency) {
        return switch (priceListRows.load(priceListId, ownerId, currency)) {
            case PriceListRows.Rows rows -> new PriceListLookup(PriceListMatcher.of(rows.rows()), null);
            case PriceListRows.Refused refused -> new PriceListLookup(null, refused.reason());
        };
    }

    /** A matcher, or the reason there is none. */
    public record PriceListLookup(PriceListMatcher matcher, String refusal) {
    }

    /** A built-in template (no owner) or one of {@code ownerId}'s; another user's is not told apart from none. */
    public Optional<StoredLabelTemplate> template(String templateId, String ownerId) {
        return template(templateId).filter(template -> template.userId() == null || template.userId().equals(ownerId));
    }

    @CacheResult(cacheName = "label-templates")
    Optional<StoredLabelTemplate> template(String templateId) {
        return templates.find(templateId);
    }
}
