package io.stagewire.crawler.service;

/** How a crawl found its product links; reported in crawl:completed as {@code discoveredBy}. */
public enum DiscoveryMethod {
    /** The job's selectors, or the configured defaults for known shop systems. */
    SELECTORS("selectors"),
    /** The shop's sitemaps: the largest group of like URLs whose first page shows a price (start URL = shop root). */
    SITEMAP("sitemap"),
    /** schema.org Product markup on the listing page: microdata or JSON-LD (Product, ItemList). */
    SCHEMA_ORG("schema.org"),
    /** The largest group of similar links (same place in the page, same URL shape) whose cards show a price. */
    STRUCTURE("structure");

    private final String wireName;

    DiscoveryMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
