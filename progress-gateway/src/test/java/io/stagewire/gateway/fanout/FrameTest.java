package io.stagewire.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A frame is encoded once; every subscriber and a replay share the same bytes. */
class FrameTest {

    @Test
    void anEventFrameIsUtf8OnceAndItsTextIsTheSameJson() {
        ObjectNode data = StageEventJson.object().put("progress", 12.5).put("stage", "Prüfung €");
        StageEvent event = new StageEvent("e-1", EventType.JOB_PROGRESS, "/test", "job-1", "alice",
                OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), data);
        Frame frame = Frames.event(Channel.job("job-1"), event, 3, 42, "3-42");
        String text = new String(frame.utf8(), StandardCharsets.UTF_8);
        assertThat(frame.text()).isEqualTo(text);
        assertThat(text).contains("\"channel\":\"job:job-1\"", "\"position\":\"3-42\"", "Prüfung €");
        assertThat(frame.weight()).isEqualTo(frame.utf8().length).isGreaterThan(text.length());
        assertThat(frame.coalesceKey()).isNotNull();
        assertThat(frame.eventTimeMillis()).isEqualTo(event.time().toInstant().toEpochMilli());
    }

    @Test
    void aReplayedFrameSharesTheBytesAndIsNotTimed() {
        Frame live = new Frame("{\"type\":\"x\"}", "ocr:progress", "0-1", 0, 1, null, 99);
        Frame replayed = live.replayed();
        assertThat(replayed.utf8()).isSameAs(live.utf8());
        assertThat(replayed.eventTimeMillis()).isZero();
        assertThat(replayed.offset()).isEqualTo(1);
        assertThat(replayed.position()).isEqualTo("0-1");
    }
}
