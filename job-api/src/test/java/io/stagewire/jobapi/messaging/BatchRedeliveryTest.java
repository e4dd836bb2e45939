package io.stagewire.jobapi.messaging;

import org.junit.jupiter.api.Tag;
import static io.stagewire.jobapi.support.Api.as;
import static io.stagewire.jobapi.support.Api.sub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.stagewire.events.EventPosition;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.jobapi.service.JobEventProcessor;
import io.stagewire.jobapi.service.PositionedEvent;
import io.stagewire.jobapi.support.Api;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A batch is one transaction: a crash in the middle leaves nothing of it, and a redelivery of a
 * committed batch (the offsets were not committed yet), whole or in part, changes nothing.
 * The processor is driven directly with batches as a poll would hand them over.
 */
@Tag("attack")
@QuarkusTest
class BatchRedeliveryTest {
    private static final String CRAWLER = "/stagewire/crawler-worker";
    private static final String OCR = "/stagewire/ocr-worker";
    private static final String ACME = "https://acme.example/erp";

    @Inject
    JobEventProcessor processor;
    @Inject
    Vertx vertx;
    @Inject
    DataSource db;

    // A held-back job:progress may be sent by the scheduled tick at any time; state changes are what must not repeat.
    private static final String OUTBOX = "select count(*) from outbox where record_key = ? and headers->>'ce_type' <> 'job:progress'";

    // a partition above any real one, so live positions never move the job past these
    private long offset = 1_000_000_000L + (System.nanoTime() % 1_000_000) * 1000;

    private PositionedEvent at(EventType type, String source, String jobId, String owner, Map<String, Object> data) {
        return new PositionedEvent(StageEvent.of(type, source, jobId, owner, StageEventJson.mapper().valueToTree(data)),
                new EventPosition(999, offset++));
    }

    @Test
    void aCrashMidBatchLeavesNothingAndRedeliveriesChangeNothing() throws Exception {
        String own = Api.createAnnouncedJob("bob", 2);
        String bob = sub("bob");
        String external = "acme:" + UUID.randomUUID();
        String carol = sub("carol");
        List<PositionedEvent> batch = new ArrayList<>();
        batch.add(at(EventType.JOB_CREATED, ACME, external, carol, Map.of("status", "pending")));
        batch.add(at(EventType.CRAWL_STARTED, CRAWLER, own, bob, Map.of()));
        batch.add(at(EventType.SCREENSHOT_CAPTURED, CRAWLER, own, bob, Map.of("screenshotId", "s1", "fileId", "f1", "index", 0)));
        batch.add(at(EventType.JOB_PROGRESS, ACME, external, carol, Map.of("progress", 20)));
        batch.add(at(EventType.SCREENSHOT_CAPTURED, CRAWLER, own, bob, Map.of("screenshotId", "s2", "fileId", "f2", "index", 1)));
        batch.add(at(EventType.CRAWL_COMPLETED, CRAWLER, own, bob, Map.of("count", 2)));
        batch.add(at(EventType.JOB_PROGRESS, ACME, external, carol, Map.of("progress", 60)));
        batch.add(at(EventType.OCR_COMPLETED, OCR, own, bob, Map.of("screenshotId", "s1", "articleNumber", "A-1")));
        batch.add(at(EventType.JOB_PROGRESS, ACME, external, carol, Map.of("progress", 70)));

        // A crash in the middle: an item the database refuses (product URL over its column) fails the transaction.
        List<PositionedEvent> poisoned = new ArrayList<>(batch);
        poisoned.add(5, at(EventType.SCREENSHOT_CAPTURED, CRAWLER, own, bob, Map.of("screenshotId", "s3", "fileId", "f3",
                "productUrl", "https://shop.example/" + "p".repeat(3000))));
        assertThatThrownBy(() -> process(poisoned)).isInstanceOf(ExecutionException.class);
        assertThat(historyOf(own)).isEmpty();
        assertThat(count("select count(*) from jobs where id = ?", external)).isZero();
        long outboxBefore = count(OUTBOX, own);

        // Part of the batch committed before a crash, then the whole batch again, then once more.
        assertThat(process(batch.subList(0, 5))).isEmpty();
        assertThat(process(batch)).isEmpty();
        Map<String, Object> ownAfterFirst = row(own);
        Map<String, Object> externalAfterFirst = row(external);
        long outboxAfterFirst = count(OUTBOX, own);
        assertThat(process(batch)).isEmpty();
        assertThat(process(batch.subList(3, 8))).isEmpty();

        assertThat(row(own)).isEqualTo(ownAfterFirst);
        assertThat(row(external)).isEqualTo(externalAfterFirst);
        assertThat(count(OUTBOX, own)).isEqualTo(outboxAfterFirst).isGreaterThan(outboxBefore);
        assertThat(historyOf(own)).containsExactly("crawl:started", "screenshot:captured", "screenshot:captured",
                "crawl:completed", "ocr:completed");
        assertThat(historyOf(external)).containsExactly("job:created", "job:progress", "job:progress", "job:progress");
        assertThat(ownAfterFirst.get("status")).isEqualTo("processing-ocr");
        assertThat(externalAfterFirst.get("progress").toString()).isEqualTo("70.00");
        assertThat(ownAfterFirst.get("last_offset")).isEqualTo(batch.get(7).position().offset());
        as("carol").get("/api/jobs/" + external).then().statusCode(200);
    }

    private List<PositionedEvent.Rejected> process(List<PositionedEvent> batch) throws Exception {
        CompletableFuture<List<PositionedEvent.Rejected>> done = new CompletableFuture<>();
        var context = VertxContext.getOrCreateDuplicatedContext(vertx);
        context.runOnContext(ignored -> {
            VertxContextSafetyToggle.setCurrentContextSafe(true);
            processor.process(List.copyOf(batch)).subscribe().with(done::complete, done::completeExceptionally);
        });
        return done.get(30, TimeUnit.SECONDS);
    }

    private List<String> historyOf(String jobId) throws Exception {
        List<String> types = new ArrayList<>();
        // job-api's own announcements (queue:position while pending) arrive live meanwhile: only the batch's events count
        query("select type from job_events where job_id = ? and source <> '/stagewire/job-api' order by kafka_partition, kafka_offset", jobId, rs -> types.add(rs.getString(1)));
        return types;
    }

    private Map<String, Object> row(String jobId) throws Exception {
        Map<String, Object> row = new java.util.TreeMap<>();
        query("select status, stage, progress, counters::text, expected_items, items_final, last_partition, last_offset, user_id, source "
                + "from jobs where id = ?", jobId, rs -> {
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
            }
        });
        return row;
    }

    private long count(String sql, String param) throws Exception {
        long[] n = {0};
        query(sql, param, rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    interface RowReader {
        void read(ResultSet rs) throws Exception;
    }

    private void query(String sql, String param, RowReader reader) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }
}
