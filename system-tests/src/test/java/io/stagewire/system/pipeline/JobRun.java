package io.stagewire.system.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** One job's event frames as a client received them, indexed per item (screenshot), with the order rules they must obey. */
record JobRun(List<JsonNode> events) {

    static JobRun of(List<JsonNode> events) {
        return new JobRun(List.copyOf(events));
    }

    /** screenshotId → product URL, from screenshot:captured. */
    Map<String, String> productUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        ofType("screenshot:captured").forEach(e -> urls.put(item(e), e.path("data").path("productUrl").asText()));
        return urls;
    }

    /** screenshotId → the data of its ocr:completed. */
    Map<String, JsonNode> ocrResults() {
        Map<String, JsonNode> results = new HashMap<>();
        ofType("ocr:completed").forEach(e -> results.put(item(e), e.path("data")));
        return results;
    }

    /** screenshotId → its match:found or match:failed frame. */
    Map<String, JsonNode> matches() {
        Map<String, JsonNode> matches = new HashMap<>();
        events.stream().filter(e -> e.path("type").asText().startsWith("match:")).forEach(e -> matches.put(item(e), e));
        return matches;
    }

    /** screenshotId → the data of its label:generated. */
    Map<String, JsonNode> labels() {
        Map<String, JsonNode> labels = new HashMap<>();
        ofType("label:generated").forEach(e -> labels.put(item(e), e.path("data")));
        return labels;
    }

    /**
     * Each event once; the job's own events frame the run; per item, the stages follow each other; the crawl announces
     * itself before its screenshots and completes after them with their count; progress never goes back.
     */
    void assertValidOrder() {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> assertThat(ids.add(e.path("id").asText())).as("delivered twice: %s", e).isTrue());
        assertThat(events.getFirst().path("type").asText()).isEqualTo("job:created");
        assertThat(events.getLast().path("type").asText()).isEqualTo("job:completed");

        List<String> types = events.stream().map(e -> e.path("type").asText()).toList();
        int crawlStarted = types.indexOf("crawl:started");
        int crawlCompleted = types.indexOf("crawl:completed");
        assertThat(crawlStarted).isNotNegative();
        assertThat(crawlCompleted).isGreaterThan(types.lastIndexOf("screenshot:captured"));
        assertThat(types.indexOf("screenshot:captured")).isGreaterThan(crawlStarted);
        assertThat(events.get(crawlCompleted).path("data").path("count").asInt()).isEqualTo(productUrls().size());

        List<String> stages = List.of("screenshot:captured", "ocr:started", "ocr:", "match:", "label:");
        Map<String, Integer> reached = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            String type = types.get(i);
            if (!event.path("data").has("screenshotId") || type.equals("ocr:progress")) {
                continue;
            }
            int stage = type.equals("screenshot:captured") ? 0 : type.equals("ocr:started") ? 1
                    : type.startsWith("ocr:") ? 2 : type.startsWith("match:") ? 3 : type.startsWith("label:") ? 4 : -1;
            assertThat(stage).as("an item event of an unknown stage: %s", event).isNotNegative();
            Integer before = reached.put(item(event), stage);
            assertThat(before == null ? -1 : before).as("%s of %s came after %s", type, item(event),
                    before == null ? "nothing" : stages.get(before)).isEqualTo(stage - 1);
        }

        double progress = 0;
        for (JsonNode event : ofType("job:progress")) {
            double next = event.path("data").path("progress").asDouble();
            assertThat(next).as("job:progress went back").isGreaterThanOrEqualTo(progress);
            progress = next;
        }
    }

    private List<JsonNode> ofType(String type) {
        return events.stream().filter(e -> type.equals(e.path("type").asText())).toList();
    }

    private static String item(JsonNode event) {
        return event.path("data").path("screenshotId").asText();
    }
}
