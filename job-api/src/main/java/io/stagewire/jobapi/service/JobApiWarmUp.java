package io.stagewire.jobapi.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.stagewire.events.Decoded;
import io.stagewire.events.EventPosition;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.Topics;
import io.stagewire.events.data.CrawlCompleted;
import io.stagewire.events.data.CrawlStarted;
import io.stagewire.events.data.EventData;
import io.stagewire.events.data.LabelGenerated;
import io.stagewire.events.data.MatchFailed;
import io.stagewire.events.data.MatchFound;
import io.stagewire.events.data.OcrCompleted;
import io.stagewire.events.data.ScreenshotCaptured;
import io.stagewire.events.work.PageEvidence;
import io.stagewire.jobapi.config.StagewireConfig;
import io.stagewire.jobapi.persistence.Job;
import io.stagewire.jobapi.persistence.JobKind;
import io.stagewire.jobapi.persistence.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Applies the events of a whole crawl job, as the workers would send them, to a job that never exists: each round
 * in one transaction that is rolled back. The first job after a start otherwise ran job-api's event path
 * (decoding, history, items, counts, transitions, outbox) interpreted, compiling it on the way: job-api spent
 * 4.3-6.4 CPU-s on a cold market job without this, 2.8-4.2 with it (docs/benchmarks.md). Nothing is committed and
 * nothing reaches Kafka: the relay only sends committed rows.
 */
@ApplicationScoped
public class JobApiWarmUp {
    private static final Logger LOG = Logger.getLogger(JobApiWarmUp.class);
    /** Items per warm-up job: the size of the test shops' jobs. */
    static final int ITEMS = 36;
    /** Events per transaction, about what one poll of job.events brings during a job. */
    static final int BATCH = 8;
    /** Tries of one round. */
    static final int ATTEMPTS = 3;
    private static final String USER = "stagewire-warm-up";
    private static final String CRAWLER = "/stagewire/crawler-worker";
    private static final String OCR = "/stagewire/ocr-worker";
    private static final String LABELS = "/stagewire/label-worker";

    private final JobEventProcessor processor;
    private final int rounds;

    JobApiWarmUp(JobEventProcessor processor, StagewireConfig config) {
        this.processor = processor;
        this.rounds = config.warmUp().rounds();
    }

    void onStart(@Observes StartupEvent event) {
        if (rounds == 0) {
            return;
        }
        long start = System.nanoTime();
        try {
            Round last = warmUp(rounds);
            LOG.infof("warmed up: %d rolled-back jobs of %d items (%d events applied each, the job %s) in %d ms", rounds,
                    ITEMS, last.applied(), last.status().wireName(), (System.nanoTime() - start) / 1_000_000);
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            // Not fatal: the first job pays for what was not warmed.
            LOG.warnf("warm-up failed, the first job will be slower: %s", e.toString());
        }
    }

    /** What one rolled-back job got to: the events applied, and the status they brought the job to. */
    record Round(int applied, JobStatus status) {
    }

    /** Runs {@code rounds} rolled-back jobs; how the last one went. */
    Round warmUp(int rounds) throws Throwable {
        Round last = null;
        for (int i = 0; i < rounds; i++) {
            last = oneRound();
        }
        return last;
    }

    /**
     * A round the database refused is run again, as a new job (each subscription builds its own): it changed nothing.
     * At start the history's partition upkeep (HistoryRetention) runs beside it, and Postgres may pick the round as a
     * deadlock's victim; the processor's own retry cannot help inside the round's transaction, which the deadlock
     * aborted.
     */
    private Round oneRound() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Uni.createFrom().deferred(this::oneRolledBackJob)
                .onFailure().invoke(e -> LOG.debugf("warm-up round refused (%s)", e))
                .onFailure().retry().atMost(ATTEMPTS - 1));
    }

    private Uni<Round> oneRolledBackJob() {
        Job job = job();
        List<PositionedEvent> events = decoded(events(job));
        int[] applied = {0};
        return Panache.withTransaction(() -> {
            Uni<Void> steps = job.persist().call(Panache::flush).replaceWithVoid();
            for (int from = 0; from < events.size(); from += BATCH) {
                List<PositionedEvent> batch = events.subList(from, Math.min(events.size(), from + BATCH));
                steps = steps.chain(() -> processor.process(batch)).invoke(rejected -> {
                    if (!rejected.isEmpty()) {
                        throw new IllegalStateException("warm-up event rejected: " + rejected.getFirst().reason());
                    }
                    applied[0] += batch.size();
                }).replaceWithVoid();
            }
            // Failing the transaction's work is what rolls it back.
            return steps.chain(() -> Uni.createFrom().<Round>failure(new RolledBack()));
        }).onFailure(RolledBack.class).recoverWithItem(() -> new Round(applied[0], job.status));
    }

    private static Job job() {
        OffsetDateTime now = OffsetDateTime.now();
        Job job = new Job();
        job.id = "warm-up-" + UUID.randomUUID();
        job.userId = USER;
        job.kind = JobKind.CRAWL;
        job.status = JobStatus.PENDING;
        job.stage = JobStatus.PENDING.stage().orElseThrow();
        job.shopUrl = "https://shop.invalid/";
        job.expectedItems = ITEMS;
        job.statusSince = now;
        job.createdAt = now;
        job.updatedAt = now;
        return job;
    }

    /** A crawl job's events in the order the workers send them: screenshots, then each item's OCR, match and label. */
    private static List<StageEvent> events(Job job) {
        List<StageEvent> events = new ArrayList<>();
        events.add(event(job, CRAWLER, new CrawlStarted(job.shopUrl, ITEMS)));
        for (int i = 0; i < ITEMS; i++) {
            String article = "WU" + (10_000 + i);
            events.add(event(job, CRAWLER, new ScreenshotCaptured(screenshot(i), UUID.randomUUID().toString(),
                    job.shopUrl + "p/" + i, "Produkt " + i, i, 800, 1200,
                    new PageEvidence("json-ld", "Produkt " + i, "9.99", "EUR", article, null))));
        }
        events.add(event(job, CRAWLER, new CrawlCompleted(ITEMS, 2, 15_000L, "sitemap")));
        for (int i = 0; i < ITEMS; i++) {
            String article = "WU" + (10_000 + i);
            BigDecimal price = new BigDecimal("9.99");
            events.add(event(job, OCR, new OcrCompleted(screenshot(i), UUID.randomUUID().toString(), article,
                    "Produkt " + i, price, null, null, "EUR", null,
                    Map.of("articleNumber", new BigDecimal("0.93"), "price", new BigDecimal("0.95")), 250L, null, null, null)));
            // Every twelfth item is not in the price list, as on the market shop.
            if (i % 12 == 11) {
                events.add(event(job, LABELS, new MatchFailed(screenshot(i), "no price-list row for '" + article + "'", article)));
                continue;
            }
            events.add(event(job, LABELS, new MatchFound(screenshot(i), article, article, "exact", BigDecimal.ONE,
                    "Produkt " + i, price, price, BigDecimal.ZERO, "EUR", null)));
            events.add(event(job, LABELS, new LabelGenerated(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    UUID.randomUUID().toString(), screenshot(i), article, "CODE_128")));
        }
        return events;
    }

    private static String screenshot(int index) {
        return "warm-up-screenshot-" + index;
    }

    private static StageEvent event(Job job, String source, EventData data) {
        return data.toEvent(UUID.randomUUID().toString(), source, job.id, job.userId, OffsetDateTime.now());
    }

    /** Through the Kafka record and back, as the consumer reads them, at increasing positions. */
    private static List<PositionedEvent> decoded(List<StageEvent> events) {
        List<PositionedEvent> decoded = new ArrayList<>(events.size());
        long offset = 0;
        for (StageEvent event : events) {
            ProducerRecord<String, byte[]> record = StageEventCodec.toRecord(Topics.JOB_EVENTS, event);
            switch (StageEventCodec.decode(record.key(), record.headers(), record.value(), System.currentTimeMillis())) {
                case Decoded.Valid valid -> decoded.add(new PositionedEvent(valid.event(), new EventPosition(0, offset++)));
                case Decoded.Invalid invalid -> throw new IllegalStateException("warm-up event invalid: " + invalid.reason());
            }
        }
        return decoded;
    }

    /** Ends a round's transaction without committing it. */
    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super("warm-up rolled back", null, false, false);
        }
    }
}
