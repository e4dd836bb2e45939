package io.stagewire.system.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.stagewire.system.DemoShop;
import io.stagewire.system.GatewayConnection;
import io.stagewire.system.JobApi;
import io.stagewire.system.RunningStack;

/**
 * Issue 5's end-to-end test: a job on the whole demo shop with its price list, through the five running services, watched
 * as a user watches it — every stage event over the gateway's WebSocket — and checked against what the shop really holds.
 */
@ExtendWith(RunningStack.class)
class PipelineEndToEndIT {

    private static final Duration WHOLE_SHOP = Duration.ofMinutes(4);

    @Test
    void aJobOnTheDemoShopReadsMatchesAndLabelsEveryProductAndReportsThePlantedMismatches() {
        JobApi bob = JobApi.as("bob");
        Map<String, DemoShop.Product> shop = DemoShop.productsByPath();
        String priceListId = bob.uploadDemoPriceList();

        try (GatewayConnection live = GatewayConnection.open(bob.token())) {
            // Subscribed before the job exists, so the user channel carries every one of its events from job:created on.
            live.subscribe("user:" + bob.sub());
            String jobId = bob.createDemoShopJob(priceListId, shop.size());

            JsonNode completed = live.await(f -> jobId.equals(f.path("jobId").asText())
                    && f.path("type").asText().matches("job:(completed|failed|cancelled)"), WHOLE_SHOP);
            assertThat(completed.path("type").asText()).as("how the job ended: %s", completed).isEqualTo("job:completed");

            List<JsonNode> events = live.eventsOf(jobId);
            JobRun run = JobRun.of(events);
            run.assertValidOrder();

            // Every product crawled, once.
            assertThat(run.productUrls()).hasSize(shop.size());
            assertThat(run.productUrls().values().stream().map(u -> u.replace(RunningStack.DEMO_SHOP, "/")))
                    .containsExactlyInAnyOrderElementsOf(shop.keySet());

            // Article number and price read correctly for at least 95 % of them.
            Map<String, DemoShop.Product> productOf = new HashMap<>();
            run.productUrls().forEach((screenshotId, url) -> productOf.put(screenshotId,
                    shop.get(url.replace(RunningStack.DEMO_SHOP, "/"))));
            long readCorrectly = run.ocrResults().entrySet().stream().filter(r -> {
                DemoShop.Product product = productOf.get(r.getKey());
                JsonNode data = r.getValue();
                return product.article().equals(data.path("articleNumber").asText())
                        && data.path("price").isNumber() && data.path("price").decimalValue().compareTo(product.price()) == 0;
            }).count();
            assertThat(readCorrectly).as("products with article and price read correctly").isGreaterThanOrEqualTo(
                    (long) Math.ceil(shop.size() * 0.95));

            // The planted mismatches: products missing from the list fail to match, different prices are reported.
            productOf.forEach((screenshotId, product) -> {
                JsonNode match = run.matches().get(screenshotId);
                switch (product.status()) {
                    case "missing" -> assertThat(match.path("type").asText()).as(product.article())
                            .isEqualTo("match:failed");
                    case "price-differs" -> {
                        assertThat(match.path("type").asText()).as(product.article()).isEqualTo("match:found");
                        assertThat(decimal(match, "listPrice")).isEqualByComparingTo(product.listPrice());
                        assertThat(decimal(match, "priceDifference")).as("%s difference", product.article())
                                .isNotEqualByComparingTo(BigDecimal.ZERO);
                    }
                    default -> {
                        if (run.ocrResults().containsKey(screenshotId)
                                && product.article().equals(run.ocrResults().get(screenshotId).path("articleNumber").asText())) {
                            assertThat(match.path("type").asText()).as(product.article()).isEqualTo("match:found");
                            assertThat(match.path("data").path("articleNumber").asText()).isEqualTo(product.article());
                        }
                    }
                }
            });

            // The summary agrees with the events, and every matched product has a label that decodes to its barcode.
            JsonNode summary = completed.path("data");
            long matched = run.matches().values().stream().filter(m -> m.path("type").asText().equals("match:found")).count();
            assertThat(summary.path("totalProducts").asInt()).isEqualTo(shop.size());
            assertThat(summary.path("successfulOCR").asInt()).isEqualTo(run.ocrResults().size());
            assertThat(summary.path("successfulOCR").asInt() + summary.path("failedOCR").asInt()).isEqualTo(shop.size());
            assertThat(summary.path("matched").asInt()).isEqualTo(matched);
            assertThat(summary.path("unmatched").asInt()).isEqualTo(run.matches().size() - matched);
            assertThat(summary.path("labelsGenerated").asInt()).isEqualTo(matched);
            assertThat(run.labels()).hasSize((int) matched);
            run.labels().forEach((screenshotId, label) -> {
                JsonNode match = run.matches().get(screenshotId).path("data");
                Barcode barcode = Barcode.read(bob.file(label.path("pngFileId").asText()));
                if (match.hasNonNull("ean")) {
                    assertThat(barcode).isEqualTo(new Barcode("EAN_13", match.path("ean").asText()));
                } else {
                    assertThat(barcode).isEqualTo(new Barcode("CODE_128", match.path("articleNumber").asText()));
                }
                byte[] pdf = bob.file(label.path("pdfFileId").asText());
                assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            });

            // job-api tells the same story over REST.
            var job = bob.job(jobId);
            assertThat(job.getString("status")).isEqualTo("completed");
            assertThat(job.getFloat("progress")).isEqualTo(100f);
            assertThat(bob.items(jobId, "labels").getList("$")).hasSize((int) matched);

            System.out.printf("end to end: %d products in %d ms (%s), %d read correctly, %d matched%n", shop.size(),
                    summary.path("totalProcessingTime").asLong(), summary.path("stageDurations"), readCorrectly, matched);
        }
    }

    private static BigDecimal decimal(JsonNode event, String field) {
        return event.path("data").path(field).decimalValue();
    }
}
