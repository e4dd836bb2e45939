package io.stagewire.worker.messaging;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.Topics;
import io.stagewire.events.work.WorkMessage;
import io.stagewire.events.work.WorkMessages;
import io.stagewire.worker.service.ForeignWorkRequestException;
import io.stagewire.worker.service.JobOwnership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * What a worker's first request cost on top of a warm one, paid at start instead: each producer's topic metadata (a
 * producer's first send waits for it), the ownership query's JDBC path, and the JSON of the worker's own request and
 * first event. The crawler answered its first crawl request with {@code crawl:started} 0.35–0.46 s after job-api sent
 * it, 0.12–0.30 s with this, 0.01–0.12 s warm (docs/lifecycle.md). Nothing is sent or written: the ownership query
 * asks for a job that does not exist. Each worker names its kind of request and first event (RequestPathSample).
 */
@ApplicationScoped
public class RequestPathWarmUp {
    private static final Logger LOG = Logger.getLogger(RequestPathWarmUp.class);
    /** For all producers together: a broker that does not answer at start is the readiness check's to report. */
    private static final Duration METADATA_WAIT = Duration.ofSeconds(3);

    private final KafkaClientService kafka;
    private final JobOwnership ownership;
    private final Config config;
    private final Instance<RequestPathSample> samples;

    RequestPathWarmUp(KafkaClientService kafka, JobOwnership ownership, Config config, Instance<RequestPathSample> samples) {
        this.kafka = kafka;
        this.ownership = ownership;
        this.config = config;
        this.samples = samples;
    }

    void onStart(@Observes StartupEvent event) {
        for (RequestPathSample kind : samples) {
            RequestPathSample.Sample sample = kind.sample("warm-up-" + UUID.randomUUID());
            warmUp(sample.request(), sample.firstEvent());
        }
    }

    /**
     * Runs the request path's cold parts once with {@code request} (decoded from its JSON, its job looked up) and
     * {@code firstEvent} (laid out as a record). Never fails: what is not warmed, the first request pays.
     *
     * @return the topics whose metadata the producers hold now
     */
    public List<String> warmUp(WorkMessage request, StageEvent firstEvent) {
        long start = System.nanoTime();
        List<String> topics = new ArrayList<>();
        try {
            WorkRequestDecoder.decode(WorkMessages.toJson(request), request.getClass());
            StageEventCodec.toRecord(Topics.JOB_EVENTS, firstEvent);
            try {
                ownership.require(request.jobId(), request.userId());
            } catch (ForeignWorkRequestException expected) {
                // The answer for a job that does not exist: the query ran.
            }
            List<Uni<String>> metadata = new ArrayList<>();
            for (String channel : kafka.getProducerChannels()) {
                String topic = config.getOptionalValue("mp.messaging.outgoing." + channel + ".topic", String.class)
                        .orElse(channel);
                KafkaProducer<Object, Object> producer = kafka.getProducer(channel);
                if (producer != null) {
                    metadata.add(producer.partitionsFor(topic).replaceWith(topic));
                }
            }
            if (!metadata.isEmpty()) {
                topics.addAll(Uni.join().all(metadata).andFailFast().await().atMost(METADATA_WAIT));
            }
            LOG.infof("request path warmed up in %d ms (metadata of %s)", (System.nanoTime() - start) / 1_000_000, topics);
        } catch (RuntimeException e) {
            LOG.warnf("request path warm-up incomplete, the first request will be slower: %s", e.getMessage());
        }
        return topics;
    }
}
