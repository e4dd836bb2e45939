package io.stagewire.crawler.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Two small web servers on loopback for the crawler's guard, timeout and retry tests. The fixture shop on
 * 127.0.0.2 is allow-listed; the "internal" server on 127.0.0.3 is not, so any request that reaches it is a
 * guard failure. Both count their requests; {@code GET /__hits?path=P} on the fixture shop reports them
 * (path {@code *} on server {@code internal} for all of the internal server's).
 */
public final class FixtureSites implements AutoCloseable {

    private final HttpServer shop;
    private final HttpServer internal;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Map<String, AtomicInteger> shopHits = new ConcurrentHashMap<>();
    private final AtomicInteger internalHits = new AtomicInteger();

    public FixtureSites() throws IOException {
        shop = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        internal = HttpServer.create(new InetSocketAddress("127.0.0.3", 0), 0);
        shop.setExecutor(threads);
        internal.setExecutor(threads);
        shop.createContext("/", this::serveShop);
        internal.createContext("/", exchange -> {
            internalHits.incrementAndGet();
            respond(exchange, 200, "text/plain", "internal secret");
        });
        shop.start();
        internal.start();
    }

    public String shopUrl() {
        return "http://127.0.0.2:" + shop.getAddress().getPort();
    }

    public String internalUrl() {
        return "http://127.0.0.3:" + internal.getAddress().getPort();
    }

    public String shopEndpoint() {
        return "127.0.0.2:" + shop.getAddress().getPort();
    }

    @Override
    public void close() {
        stopping.countDown();
        shop.stop(0);
        internal.stop(0);
        threads.shutdownNow();
    }

    private void serveShop(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/__hits")) {
            String query = exchange.getRequestURI().getQuery();
            int count = query.equals("server=internal")
                    ? internalHits.get()
                    : shopHits.getOrDefault(query.substring("path=".length()), new AtomicInteger()).get();
            respond(exchange, 200, "text/plain", Integer.toString(count));
            return;
        }
        int hit = shopHits.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
        String internalUrl = internalUrl();
        switch (path) {
            case "/list/guarded/" -> listing(exchange, null, "/p/subresources/", "/p/redirect-out/", "/p/ok/");
            case "/list/retries/" -> listing(exchange, null, "/p/flaky/", "/p/broken/", "/p/not-found/");
            case "/list/hang/" -> listing(exchange, null, "/p/hang/", "/p/ok/");
            case "/list/tall/" -> listing(exchange, null, "/p/tall/", "/p/long-name/");
            case "/p/long-name/" -> product(exchange, "Name ".repeat(400_000), "");
            // A product area far taller and wider than any screenshot may be.
            case "/p/tall/" -> html(exchange, "<main data-product style='width:3000px;height:20000px'><h1>Tall product</h1>"
                    + "<p>ART-00002 · 9,99 €</p></main>");
            // The shop's root shows no products; its sitemap index lists a page sitemap (7 pages, no prices)
            // and a product sitemap (issue 15).
            case "/" -> html(exchange, "<h1>Willkommen</h1><p>Unser Sortiment</p><a href='/about/'>Über uns</a>");
            case "/about/" -> html(exchange, "<main><h1>Über uns</h1><p>Seit 1999 in Köln.</p></main>");
            case "/sitemap.xml" -> xml(exchange, "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                    + "<sitemap><loc>" + shopUrl() + "/sitemap-pages.xml</loc></sitemap>"
                    + "<sitemap><loc>" + shopUrl() + "/sitemap-products.xml</loc></sitemap></sitemapindex>");
            case "/sitemap-pages.xml" -> xml(exchange, urlset("/about/", "/kontakt/", "/impressum/", "/agb/", "/hilfe/",
                    "/versand/", "/datenschutz/"));
            case "/sitemap-products.xml" -> xml(exchange, urlset("/artikel/alpha-1", "/artikel/beta-2",
                    "/artikel/gamma-3", "/artikel/delta-4", "/artikel/epsilon-5"));
            case "/robots.txt" -> respond(exchange, 200, "text/plain",
                    "# The fixture shop keeps crawlers off /private/ and one listing\nUser-agent: *\n"
                            + "Disallow: /private/\nDisallow: /list/closed/\n");
            case "/list/robots/" -> listing(exchange, null, "/private/p/", "/p/ok/");
            case "/list/closed/" -> listing(exchange, null, "/p/ok/");
            case "/list/none/" -> html(exchange, "<h1>Nothing here</h1><a href='/about/'>About</a>");
            // No selector fits: products are <article> cards with prices among unpriced category links, navigation
            // and a footer; page 1 leads on by a "Weiter" link and a page number (issue 15).
            case "/other/" -> html(exchange, OTHER_CHROME + "<ul class='cats'><li><a href='/kategorie/a/'>A</a></li>"
                    + "<li><a href='/kategorie/b/'>B</a></li><li><a href='/kategorie/c/'>C</a></li>"
                    + "<li><a href='/kategorie/d/'>D</a></li></ul><section>" + article("alpha-1", "12,99 €")
                    + article("beta-2", "statt 9,99 € jetzt 7,49 €") + article("gamma-3", "EUR 5,-") + "</section>"
                    + "<div class='pager'><a href='/other/page/2/'>2</a> <a href='/other/page/2/'>Weiter</a></div>");
            case "/other/page/2/" -> html(exchange, OTHER_CHROME + "<section>" + article("delta-4", "1.234,56 €")
                    + article("epsilon-5", "€ 3,20") + "</section><div class='pager'><a href='/other/'>1</a></div>");
            // Products only in JSON-LD: an ItemList of ListItems, one by URL and one by item.
            case "/jsonld/" -> html(exchange, "<script type='application/ld+json'>{\"@context\": \"https://schema.org\","
                    + " \"@type\": \"ItemList\", \"itemListElement\": [{\"@type\": \"ListItem\", \"position\": 1,"
                    + " \"url\": \"/artikel/alpha-1\"}, {\"@type\": \"ListItem\", \"position\": 2,"
                    + " \"item\": \"/artikel/beta-2\"}]}</script><h1>Neu</h1><p>Zwei Artikel</p>");
            // What the pages state besides what they show: JSON-LD, microdata, OpenGraph product tags, nothing.
            case "/artikel/alpha-1" -> product(exchange, "Artikel " + path, "<script type='application/ld+json'>"
                    + "{\"@context\": \"https://schema.org\", \"@graph\": [{\"@type\": \"BreadcrumbList\"},"
                    + " {\"@type\": \"Product\", \"name\": \"Alpha\", \"sku\": \"ART-10001\","
                    + " \"gtin13\": \"4006381333931\", \"offers\": {\"@type\": \"Offer\", \"price\": \"12.99\","
                    + " \"priceCurrency\": \"EUR\"}}]}</script>");
            case "/artikel/beta-2" -> product(exchange, "Artikel " + path, "<div itemscope itemtype='https://schema.org/Product'>"
                    + "<span itemprop='name'>Beta</span><span itemprop='sku'>ART-10002</span>"
                    + "<div itemprop='offers' itemscope itemtype='https://schema.org/Offer'>"
                    + "<span itemprop='price' content='7,49'>7,49 €</span><meta itemprop='priceCurrency' content='EUR'></div></div>");
            case "/artikel/gamma-3" -> product(exchange, "Artikel " + path, "<meta property='og:title' content='Gamma'>"
                    + "<meta property='product:price:amount' content='5.00'><meta property='product:price:currency' content='EUR'>");
            case "/artikel/delta-4", "/artikel/epsilon-5" -> product(exchange, "Artikel " + path, "");
            // Five priced cards, two at first and the rest appended from the server as the page is scrolled to its
            // end (infinite scroll), or behind a "Mehr laden" button; no next-page link (issue 15, item 6).
            case "/scroll/" -> html(exchange, "<h1>Sortiment</h1><section id='list'>" + article("alpha-1", "12,99 €")
                    + article("beta-2", "7,49 €") + "</section><div style='height:2000px'></div><script>"
                    + "let round = 0, busy = false; addEventListener('scroll', () => {"
                    + " if (busy || innerHeight + scrollY < document.body.scrollHeight - 200) return; busy = true;"
                    + " fetch('/more/' + (++round)).then(r => r.text()).then(cards => {"
                    + " document.getElementById('list').insertAdjacentHTML('beforeend', cards); busy = false; }); });</script>");
            case "/load-more/" -> html(exchange, "<h1>Sortiment</h1><section id='list'>" + article("alpha-1", "12,99 €")
                    + article("beta-2", "7,49 €") + "</section><button type='button' id='more'>Mehr laden</button><script>"
                    + "let round = 0; document.getElementById('more').addEventListener('click', () =>"
                    + " fetch('/more/' + (++round)).then(r => r.text()).then(cards => { if (!cards) document.getElementById('more').remove();"
                    + " document.getElementById('list').insertAdjacentHTML('beforeend', cards); }));</script>");
            case "/more/1" -> respond(exchange, 200, "text/html", article("gamma-3", "EUR 5,-") + article("delta-4", "1.234,56 €"));
            case "/more/2" -> respond(exchange, 200, "text/html", article("epsilon-5", "€ 3,20"));
            case "/more/3", "/more/4" -> respond(exchange, 200, "text/html", "");
            // A product under a cookie banner and a sticky bar (magenta, so a test can look for them in the PNG), with a
            // lazily loaded picture (green) that shows only once something sets its src.
            case "/list/covered/" -> listing(exchange, null, "/p/covered/");
            case "/p/covered/" -> html(exchange, "<div style='position:sticky;top:0;height:40px;background:#ff00ff'>Shop</div>"
                    + "<main data-product style='width:400px'><h1>Covered product</h1><p>ART-00003 · 19,99 €</p>"
                    + "<img data-src='/img/green.svg' loading='lazy' width=120 height=80 alt=''>"
                    + "<p style='height:300px'>Description</p></main>"
                    + "<div id='consent' role='dialog' style='position:fixed;left:0;right:0;bottom:0;height:70%;"
                    + "background:#ff00ff;color:#fff'>Wir verwenden Cookies <button>Alle akzeptieren</button></div>");
            case "/img/green.svg" -> respond(exchange, 200, "image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg'"
                    + " width='120' height='80'><rect width='120' height='80' fill='#00ff00'/></svg>");
            case "/list/always-500/" -> respond(exchange, 500, "text/plain", "down");
            // Page 1 links to page 2 twice, plus an off-origin product; page 2 repeats a product and links back.
            case "/list/loop/" -> listing(exchange, "/list/loop/2/", "/p/ok/", "/p/second/", "/p/ok/#reviews",
                    internalUrl + "/p/elsewhere/");
            case "/list/loop/2/" -> listing(exchange, "/list/loop/", "/p/ok/", "/p/third/");
            case "/p/ok/", "/p/second/", "/p/third/" -> product(exchange, "Product " + path, "");
            case "/p/subresources/" -> product(exchange, "Curious product",
                    "<img src='http://169.254.169.254/latest/meta-data/' width=10 height=10>"
                            + "<img src='" + internalUrl + "/pixel.png' width=10 height=10>"
                            + "<img src='/redirect-img' width=10 height=10>"
                            + "<iframe src='" + internalUrl + "/frame' width=10 height=10></iframe>");
            case "/redirect-img" -> redirect(exchange, internalUrl + "/img-target.png");
            case "/p/redirect-out/" -> redirect(exchange, internalUrl + "/secret");
            case "/p/flaky/" -> {
                if (hit <= 2) {
                    respond(exchange, 500, "text/plain", "try again");
                } else {
                    product(exchange, "Flaky product", "");
                }
            }
            case "/p/broken/" -> respond(exchange, 500, "text/plain", "always broken");
            case "/p/hang/" -> {
                try {
                    stopping.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            default -> respond(exchange, 404, "text/plain", "not found");
        }
    }

    private static final String OTHER_CHROME = "<header><a href='/'>Home</a><a href='/konto/'>Konto</a></header>"
            + "<nav><a href='/about/'>About</a><a href='/kontakt/'>Kontakt</a></nav>"
            + "<footer><a href='/impressum/'>Impressum</a><a href='/agb/'>AGB</a></footer>";

    private static String article(String slug, String price) {
        return "<article class='tile'><a href='/artikel/" + slug + "'><img alt='' width=10 height=10>" + slug
                + "</a><p>" + price + "</p></article>";
    }

    private static void listing(HttpExchange exchange, String next, String... products) throws IOException {
        StringBuilder body = new StringBuilder("<h1>Listing</h1><ul>");
        for (String product : products) {
            body.append("<li><a class='product-link' href='").append(product).append("'>").append(product)
                    .append("</a></li>");
        }
        body.append("</ul>");
        if (next != null) {
            body.append("<a rel='next' href='").append(next).append("'>next</a>");
            body.append("<a rel='next' href='").append(next).append("'>2</a>");
        }
        html(exchange, body.toString());
    }

    private static void product(HttpExchange exchange, String name, String extra) throws IOException {
        html(exchange, "<header>Fixture shop</header><main data-product style='width:400px'><h1>" + name
                + "</h1><p>ART-00001 · 9,99 €</p>" + extra + "</main>");
    }

    private String urlset(String... paths) {
        StringBuilder body = new StringBuilder("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>");
        for (String path : paths) {
            body.append("<url><loc>").append(shopUrl()).append(path).append("</loc></url>");
        }
        return body.append("</urlset>").toString();
    }

    private static void xml(HttpExchange exchange, String body) throws IOException {
        respond(exchange, 200, "application/xml", "<?xml version='1.0' encoding='UTF-8'?>" + body);
    }

    private static void html(HttpExchange exchange, String body) throws IOException {
        respond(exchange, 200, "text/html; charset=utf-8",
                "<!doctype html><html><head><title>Fixture</title></head><body>" + body + "</body></html>");
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
