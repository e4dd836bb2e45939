package io.stagewire.jobapi.rest;

import io.stagewire.events.work.CrawlerConfig;
import io.stagewire.jobapi.service.NewCrawlJob;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/jobs: crawl a shop and render labels for its products. */
@Schema(name = "CreateJob")
public record CreateJobRequest(
        @NotBlank @ShopUrl
        @Schema(description = "http or https URL of the shop; no user name or password", examples = "https://shop.example/")
        String shopUrl,
        @NotBlank @Size(max = 128)
        @Schema(description = "A label template visible to the caller (GET /api/label-templates)", examples = "default")
        String templateId,
        @Size(min = 1, max = 128)
        @Schema(description = "One of the caller's price lists (POST /api/price-lists); without it labels show shop prices")
        String priceListId,
        @Valid
        @Schema(description = "Limits of the crawl; defaults apply when absent")
        CrawlerConfigInput crawlerConfig) {

    public static final int DEFAULT_MAX_PRODUCTS = 50;

    @Schema(name = "CrawlerConfig")
    public record CrawlerConfigInput(
            @Min(CrawlerConfig.MIN_PRODUCTS) @Max(CrawlerConfig.MAX_PRODUCTS)
            @Schema(description = "Product pages to capture at most, 1-500; default 50", minimum = "1", maximum = "500")
            Integer maxProducts,
            @Min(CrawlerConfig.MIN_PAGES) @Max(CrawlerConfig.MAX_PAGES)
            @Schema(description = "Listing pages to walk at most, 1-100; default 20", minimum = "1", maximum = "100")
            Integer maxPages,
            @Size(max = CrawlerConfig.MAX_SELECTOR_LENGTH)
            @Schema(description = "Selector of the links to product pages on a listing page; default: the crawler's "
                    + "built-in list (docs/crawler-worker.md)", examples = "a.product-link")
            String productLinkSelector,
            @Size(max = CrawlerConfig.MAX_SELECTOR_LENGTH)
            @Schema(description = "Selector of the link to the next listing page; default: rel=next and common pagers",
                    examples = "a[rel=next]")
            String nextPageSelector,
            @Size(max = CrawlerConfig.MAX_SELECTOR_LENGTH)
            @Schema(description = "Selector of the element to screenshot on a product page; without a match the "
                    + "visible page is captured", examples = "[data-product]")
            String productAreaSelector) {
    }

    /** The job to create, with the crawler's defaults applied. */
    public NewCrawlJob toNewCrawlJob() {
        return new NewCrawlJob(shopUrl, templateId, priceListId, effectiveCrawlerConfig());
    }

    /** The crawler's settings with defaults applied. */
    public CrawlerConfig effectiveCrawlerConfig() {
        Integer maxProducts = crawlerConfig == null ? null : crawlerConfig.maxProducts();
        Integer maxPages = crawlerConfig == null ? null : crawlerConfig.maxPages();
        return new CrawlerConfig(maxProducts == null ? DEFAULT_MAX_PRODUCTS : maxProducts,
                maxPages == null ? CrawlerConfig.DEFAULT_PAGES : maxPages,
                crawlerConfig == null ? null : blankToNull(crawlerConfig.productLinkSelector()),
                crawlerConfig == null ? null : blankToNull(crawlerConfig.nextPageSelector()),
                crawlerConfig == null ? null : blankToNull(crawlerConfig.productAreaSelector()));
    }

    private static String blankToNull(String selector) {
        return selector == null || selector.isBlank() ? null : selector.strip();
    }
}
