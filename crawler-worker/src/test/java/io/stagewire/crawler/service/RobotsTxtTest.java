package io.stagewire.crawler.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class RobotsTxtTest {

    private static boolean allows(RobotsTxt robots, String path) {
        return robots.allows(URI.create("https://shop.example" + path));
    }

    @Test
    void theGroupForAnyoneAppliesWhenNoneNamesUs() {
        RobotsTxt robots = RobotsTxt.parse("""
                User-agent: Googlebot
                Disallow: /

                User-agent: *
                Disallow: /checkout/   # not a product
                Disallow: /*?sort=
                Allow: /checkout/help
                """);

        assertThat(allows(robots, "/products/a")).isTrue();
        assertThat(allows(robots, "/checkout/cart")).isFalse();
        assertThat(allows(robots, "/checkout/help")).isTrue();
        assertThat(allows(robots, "/list?page=2&sort=price")).isTrue();
        assertThat(allows(robots, "/list?sort=price")).isFalse();
    }

    @Test
    void aGroupNamingUsReplacesTheOneForAnyone() {
        RobotsTxt robots = RobotsTxt.parse("""
                User-agent: *
                Disallow: /

                User-agent: other-bot
                User-agent: Stagewire
                Disallow: /private/
                """);

        assertThat(allows(robots, "/products/a")).isTrue();
        assertThat(allows(robots, "/private/x")).isFalse();
    }

    @Test
    void theLongestMatchWinsAndAllowWinsATie() {
        RobotsTxt robots = RobotsTxt.parse("""
                user-agent: *
                disallow: /shop
                allow: /shop/products/
                disallow: /*.pdf$
                allow: /same
                disallow: /same
                """);

        assertThat(allows(robots, "/shop/cart")).isFalse();
        assertThat(allows(robots, "/shop/products/a")).isTrue();
        assertThat(allows(robots, "/files/sheet.pdf")).isFalse();
        assertThat(allows(robots, "/files/sheet.pdf?x=1")).isTrue();
        assertThat(allows(robots, "/same")).isTrue();
    }

    @Test
    void anEmptyDisallowAllowsEverythingAndRobotsTxtItselfIsAlwaysAllowed() {
        RobotsTxt robots = RobotsTxt.parse("User-agent: *\nDisallow:\n");
        assertThat(allows(robots, "/anything")).isTrue();

        RobotsTxt closed = RobotsTxt.parse("User-agent: *\nDisallow: /\n");
        assertThat(allows(closed, "/")).isFalse();
        assertThat(allows(closed, "/robots.txt")).isTrue();
        assertThat(allows(RobotsTxt.allowAll(), "/")).isTrue();
    }

    @Test
    void sitemapLinesAreKeptWhereverTheyStand() {
        RobotsTxt robots = RobotsTxt.parse("""
                Sitemap: https://shop.example/sitemap_index.xml
                User-agent: *
                Disallow: /cart
                sitemap: https://shop.example/products.xml
                """);

        assertThat(robots.sitemaps()).containsExactly("https://shop.example/sitemap_index.xml",
                "https://shop.example/products.xml");
        assertThat(allows(robots, "/cart")).isFalse();
    }
}
