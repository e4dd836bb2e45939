package io.stagewire.crawler.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import com.microsoft.playwright.PlaywrightException;

import io.stagewire.crawler.browser.BrowserTab;

/**
 * Product pages from a shop's sitemaps: those robots.txt names, else {@code /sitemap.xml}; a sitemap index is
 * followed (product sitemaps first, {@value #MAX_SITEMAPS} sitemaps at most). The page URLs are grouped by
 * the shape of their path, and the largest group whose first page shows a product with a price is taken:
 * a sitemap lists the shop's other pages too. Every load goes through the crawl's guarded tab and politeness.
 */
final class SitemapDiscovery {

    static final int MAX_SITEMAPS = 10;
    static final int MAX_LOCATIONS = 50_000;
    /** Groups whose first page is opened to see whether it is a product, largest first. */
    static final int GROUPS_CHECKED = 3;

    private static final String LOCATIONS = DiscoveryScripts.load("sitemap-locations.js");
    private static final String SHOWS_PRICE = DiscoveryScripts.load("page-shows-price.js");

    private final PageLoader loader;
    private final BrowserTab tab;
    private final BooleanSupplier cancelled;
    private final Predicate<URI> crawlable;
    /** The page the tab shows, loaded by the price check and not navigated away from since. */
    private URI pageInTab;

    /** @param crawlable on the crawl's origin and allowed by robots.txt */
    SitemapDiscovery(PageLoader loader, BrowserTab tab, BooleanSupplier cancelled, Predicate<URI> crawlable) {
        this.loader = loader;
        this.tab = tab;
        this.cancelled = cancelled;
        this.crawlable = crawlable;
    }

    /** The product pages in sitemap order; empty when there is no sitemap or no group of product pages in it. */
    List<URI> products(URI shopRoot, List<String> declaredSitemaps) {
        Deque<URI> queue = new ArrayDeque<>();
        declaredSitemaps.stream().flatMap(s -> uri(s).stream()).filter(crawlable).forEach(queue::add);
        if (queue.isEmpty()) {
            queue.add(shopRoot.resolve("/sitemap.xml"));
        }
        Set<URI> read = new HashSet<>();
        Set<URI> pages = new LinkedHashSet<>();
        while (!queue.isEmpty() && read.size() < MAX_SITEMAPS && pages.size() < MAX_LOCATIONS) {
            URI sitemap = queue.poll();
            if (!read.add(sitemap)) {
                continue;
            }
            Optional<Locations> locations = readSitemap(sitemap);
            if (locations.isEmpty()) {
                continue;
            }
            locations.get().sitemaps().stream().flatMap(s -> uri(s).stream()).filter(crawlable)
                    .sorted(Comparator.comparing(s -> s.getPath().toLowerCase(Locale.ROOT).contains("product") ? 0 : 1))
                    .forEach(queue::add);
            locations.get().urls().stream().flatMap(s -> uri(s).stream()).filter(crawlable)
                    .limit(MAX_LOCATIONS - pages.size())
                    .forEach(pages::add);
        }
        Map<String, List<URI>> byShape = new LinkedHashMap<>();
        pages.forEach(page -> byShape.computeIfAbsent(shape(page), key -> new ArrayList<>()).add(page));
        return byShape.values().stream()
                .filter(group -> group.size() >= 2)
                .sorted(Comparator.comparingInt(List<URI>::size).reversed())
                .limit(GROUPS_CHECKED)
                .filter(group -> showsPrice(group.getFirst()))
                .findFirst()
                .orElse(List.of());
    }

    private record Locations(List<String> urls, List<String> sitemaps) {
    }

    /**
     * The product page the tab still shows when {@link #products} has returned: the first page of the chosen group,
     * opened to see that it shows a price. Its capture can start from it instead of loading it a second time.
     */
    Optional<URI> pageInTab() {
        return Optional.ofNullable(pageInTab);
    }

    private Optional<Locations> readSitemap(URI sitemap) {
        pageInTab = null;
        try {
            loader.load(tab, sitemap, cancelled);
            return Optional.of(tab.call(page -> {
                Object result = page.evaluate(LOCATIONS, MAX_LOCATIONS);
                return result instanceof Map<?, ?> map
                        ? new Locations(DiscoveryScripts.strings(map.get("urls")), DiscoveryScripts.strings(map.get("sitemaps")))
                        : new Locations(List.of(), List.of());
            }));
        } catch (PageLoadException | PlaywrightException e) {
            return Optional.empty();
        }
    }

    private boolean showsPrice(URI page) {
        pageInTab = null;
        try {
            loader.load(tab, page, cancelled);
            boolean shows = tab.call(p -> Boolean.TRUE.equals(p.evaluate(SHOWS_PRICE)));
            pageInTab = shows ? page : null;
            return shows;
        } catch (PageLoadException | PlaywrightException e) {
            return false;
        }
    }

    /** Segment count and parent segments, digits folded: /p/shoe-12 and /p/hat-7 share "2:p". */
    static String shape(URI url) {
        String[] segments = url.getPath() == null ? new String[0]
                : java.util.Arrays.stream(url.getPath().split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        StringBuilder shape = new StringBuilder().append(segments.length).append(':');
        for (int i = 0; i < segments.length - 1; i++) {
            shape.append(i == 0 ? "" : "/").append(segments[i].chars().anyMatch(Character::isDigit) ? "#" : segments[i]);
        }
        return url.getQuery() == null ? shape.toString() : shape + "?";
    }

    private static Optional<URI> uri(String text) {
        try {
            URI url = new URI(text.strip());
            return url.isAbsolute() ? Optional.of(url) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }


}
