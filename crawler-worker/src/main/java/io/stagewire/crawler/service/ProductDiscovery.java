package io.stagewire.crawler.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.microsoft.playwright.Page;

/**
 * Product links on a listing page no selector fits: schema.org Product markup first, else the structure of the
 * page (the largest group of similar links whose cards show a price), and the next listing page by rel=next,
 * "next/weiter/»" links or the link to page N+1. The work is one script in the page
 * (resources/discovery/listing-discovery.js).
 */
final class ProductDiscovery {

    private static final String SCRIPT = DiscoveryScripts.load("listing-discovery.js");

    /** What the page offers; {@code groups} best first. */
    record Found(List<String> schemaOrg, List<LinkGroup> groups, List<String> nextPages) {
    }

    /** Links that sit at the same place in the page and share a URL shape. */
    record LinkGroup(String key, List<String> links, boolean priced) {
    }

    /** A choice of product links, and how they were found. */
    record Choice(DiscoveryMethod method, String groupKey, List<String> links) {
    }

    private ProductDiscovery() {
    }

    static Found read(Page page) {
        Object result = page.evaluate(SCRIPT);
        if (!(result instanceof Map<?, ?> map)) {
            return new Found(List.of(), List.of(), List.of());
        }
        List<LinkGroup> groups = list(map.get("groups")).stream()
                .filter(Map.class::isInstance).map(Map.class::cast)
                .map(group -> new LinkGroup(String.valueOf(group.get("key")), DiscoveryScripts.strings(group.get("links")),
                        Boolean.TRUE.equals(group.get("priced"))))
                .toList();
        return new Found(DiscoveryScripts.strings(map.get("schemaOrg")), groups, DiscoveryScripts.strings(map.get("next")));
    }

    /**
     * The product links of a page: schema.org markup wins; else, on a later listing page, the group that has
     * the key chosen on the first; else the best group, if its cards show prices or it is the only candidate.
     */
    static Optional<Choice> choose(Found found, String groupKeyOfFirstPage) {
        if (!found.schemaOrg().isEmpty()) {
            return Optional.of(new Choice(DiscoveryMethod.SCHEMA_ORG, null, found.schemaOrg()));
        }
        if (groupKeyOfFirstPage != null) {
            Optional<LinkGroup> same = found.groups().stream().filter(g -> g.key().equals(groupKeyOfFirstPage)).findFirst();
            if (same.isPresent()) {
                return Optional.of(new Choice(DiscoveryMethod.STRUCTURE, same.get().key(), same.get().links()));
            }
        }
        return found.groups().stream()
                .filter(group -> group.priced() || found.groups().size() == 1)
                .findFirst()
                .map(group -> new Choice(DiscoveryMethod.STRUCTURE, group.key(), group.links()));
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

}
