package io.stagewire.system.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.stagewire.system.GatewayConnection;
import io.stagewire.system.JobApi;
import io.stagewire.system.MarketShop;
import io.stagewire.system.RunningStack;

/**
 * Issue 15, items 6 and 7: a job on the market shop — a shop unlike the demo shop, given by its root URL and no
 * selectors, behind a cookie banner, with infinite scroll, three themes, three languages and prices written as shops
 * write them — watched live, and checked against its truth file: every product found, nothing read wrong, most read
 * completely, and not one wrong label (an uncertain item goes to review instead).
 */
@ExtendWith(RunningStack.class)
class MarketShopPipelineIT {

    private static final Duration WHOLE_SHOP = Duration.ofMinutes(4);
    /** Products read completely (article number and price): all 36 since 2026-12-05 (34 before). */
    private static final int READ_COMPLETELY = 36;

    @Test
    void aJobOnTheMarketShopFindsEveryProductWithoutSelectorsReadsThemRightAndLabelsNothingWrong() throws Exception {
        JobApi bob = JobApi.as("bob");
        Map<String, MarketShop.Product> shop = MarketShop.productsByPath();
        String priceListId = bob.uploadPriceList("market-price-list.xlsx", Files.readAllBytes(MarketShop.priceList()));

        try (GatewayConnection live = GatewayConnection.open(bob.token())) {
            live.subscribe("user:" + bob.sub());
            long started = System.nanoTime();
            String jobId = bob.createJob(MarketShop.URL, priceListId, 50);

            JsonNode completed = live.await(f -> jobId.equals(f.path("jobId").asText())
                    && f.path("type").asText().matches("job:(completed|failed|cancelled)"), WHOLE_SHOP);
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(completed.path("type").asText()).as("how the job ended: %s", completed).isEqualTo("job:completed");
            JobRun run = JobRun.of(live.eventsOf(jobId));
            run.assertValidOrder();

            // Every product found, by the shop's sitemap, each once.
            JsonNode crawled = run.events().stream().filter(e -> e.path("type").asText().equals("crawl:completed"))
                    .findFirst().orElseThrow().path("data");
            assertThat(crawled.path("discoveredBy").asText()).isEqualTo("sitemap");
            assertThat(run.productUrls().values().stream().map(u -> u.replace(MarketShop.URL, "/")))
                    .containsExactlyInAnyOrderElementsOf(shop.keySet());
            Map<String, MarketShop.Product> productOf = new HashMap<>();
            run.productUrls().forEach((screenshotId, url) -> productOf.put(screenshotId, shop.get(url.replace(MarketShop.URL, "/"))));

            // Article number, price and currency as the shop shows them: never wrong, and complete for most.
            List<String> misread = new ArrayList<>();
            List<String> readWrong = new ArrayList<>();
            List<String> wrongExtras = new ArrayList<>();
            productOf.forEach((screenshotId, product) -> {
                JsonNode read = run.ocrResults().get(screenshotId);
                String readAs = read == null ? "nothing" : read.path("articleNumber").asText() + " " + read.path("price")
                        + " " + read.path("currency").asText();
                String shopShows = product.article() + " " + product.price() + " " + product.currency();
                if (read != null && (read.path("articleNumber").isTextual() && !product.article().equals(read.path("articleNumber").asText())
                        || read.path("price").isNumber() && (read.path("price").decimalValue().compareTo(product.price()) != 0
                                || !product.currency().equals(read.path("currency").asText())))) {
                    readWrong.add(shopShows + " read as " + readAs);
                }
                if (read == null || !read.path("articleNumber").isTextual() || !read.path("price").isNumber()) {
                    misread.add(shopShows + " read as " + readAs);
                    return;
                }
                // A previous price or from-word that is read must be the shop's: either can end up on a label.
                JsonNode previous = read.path("previousPrice");
                if (previous.isNumber() && (product.previousPrice() == null || previous.decimalValue().compareTo(product.previousPrice()) != 0)) {
                    wrongExtras.add(product.article() + " previous price " + previous + ", shop " + product.previousPrice());
                }
                String prefix = read.path("pricePrefix").isTextual() ? read.path("pricePrefix").asText() : null;
                if (prefix != null && !prefix.equalsIgnoreCase(String.valueOf(product.pricePrefix()))) {
                    wrongExtras.add(product.article() + " price prefix '" + prefix + "', shop " + product.pricePrefix());
                }
            });

            // Not one wrong label: a match is the row the truth file names; missing and ambiguous items go to review.
            List<String> wrongLabels = new ArrayList<>();
            productOf.forEach((screenshotId, product) -> {
                JsonNode match = run.matches().get(screenshotId);
                String type = match == null ? "none" : match.path("type").asText();
                if (product.forReview()) {
                    if (!type.equals("match:failed")) {
                        wrongLabels.add(product.article() + " (" + product.status() + ") was " + type + " " + match.path("data"));
                    }
                } else if (type.equals("match:found") && !product.listArticle().equals(match.path("data").path("articleNumber").asText())) {
                    wrongLabels.add(product.article() + " matched " + match.path("data").path("articleNumber").asText()
                            + ", the list's row is " + product.listArticle());
                }
            });

            // The page's own statement that differs from what it shows is reported, the reading kept.
            productOf.forEach((screenshotId, product) -> {
                JsonNode read = run.ocrResults().get(screenshotId);
                if (product.evidenceDisagrees() && read != null) {
                    assertThat(read.path("disagreements").findValuesAsText("field")).as(product.article()).contains("price");
                }
            });

            long labels = run.labels().size();
            System.out.printf("market shop: %d products in %.1f s (%.2f products/s, job %d ms, %s), %d read completely, "
                            + "%d labels, not read %s, read wrong %s, wrong previous prices or prefixes %s, wrong labels %s%n",
                    shop.size(), seconds, shop.size() / seconds, completed.path("data").path("totalProcessingTime").asLong(),
                    completed.path("data").path("stageDurations"), shop.size() - misread.size(), labels, misread, readWrong,
                    wrongExtras, wrongLabels);
            assertThat(wrongLabels).as("wrong labels").isEmpty();
            assertThat(readWrong).as("article numbers, prices or currencies read wrong").isEmpty();
            assertThat(wrongExtras).as("previous prices and from-words not the shop's").isEmpty();
            // The target is 99 %, that is all 36. Never lower it.
            assertThat(shop.size() - misread.size()).as("read completely (not read: %s)", misread)
                    .isGreaterThanOrEqualTo(READ_COMPLETELY);
        }
    }
}
