package io.stagewire.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagewire.events.work.PageEvidence;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    private static ObjectNode captured(PageEvidence evidence) {
        ObjectNode data = StageEventJson.object().put("screenshotId", "s-1").put("fileId", "f-1")
                .put("productUrl", "https://shop.example/p/1");
        data.set("evidence", StageEventJson.mapper().valueToTree(evidence));
        return data;
    }

    @Test
    void pageEvidenceAsTheCrawlerWritesItIsValidScreenshotCapturedData() {
        ObjectNode data = captured(new PageEvidence("json-ld", "Tea", "97.26", "EUR", null, "4006381333931"));

        assertThat(data.get("evidence").has("sku")).isFalse();
        assertThat(EventSchemas.dataViolations(EventType.SCREENSHOT_CAPTURED, data)).isEmpty();
    }

    @Test
    void pageEvidenceWithAPriceThatIsNotADecimalIsRejected() {
        ObjectNode data = captured(new PageEvidence("json-ld", "Tea", "97,26", "EUR", null, null));

        assertThat(EventSchemas.dataViolations(EventType.SCREENSHOT_CAPTURED, data)).contains("evidence.price");
    }
}
