package io.stagewire.jobapi.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * job-api's lag on job.events, measured every {@code stagewire.events.lag-refresh-every} (one
 * measurement per period, never per event) and published as the gauge
 * {@code stagewire_jobapi_events_lag}. The group measured is the job-events channel's own
 * ({@code job-api} in production), from its committed offsets.
 */
@ApplicationScoped
public class JobEventsLag {
    public static final String GAUGE = "stagewire.jobapi.events.lag";
    private static final Logger LOG = Logger.getLogger(JobEventsLag.class);

    private final Admin admin;
    private final ConsumerGroupLagMeter meter;
    private volatile LagReading last = LagReading.unknown("not measured yet", Instant.now());

    JobEventsLag(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "mp.messaging.incoming.job-events.topic") String topic,
            @ConfigProperty(name = "mp.messaging.incoming.job-events.group.id") String group,
            MeterRegistry registry) {
        Map<String, Object> adminConfig = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                adminConfig.put(key, value);
            }
        });
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "job-api-lag");
        this.admin = Admin.create(adminConfig);
        this.meter = new ConsumerGroupLagMeter(admin, topic, group, Duration.ofSeconds(5));
        Gauge.builder(GAUGE, this, lag -> lag.last.asGaugeValue())
                .description("Records of " + topic + " not yet applied by consumer group " + group + " (end offset - committed, summed over partitions)")
                .tag("topic", topic).tag("group", group)
                .register(registry);
    }

    @Scheduled(every = "${stagewire.events.lag-refresh-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            last = LagReading.measured(meter.measure(), Instant.now());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (last.known()) {
                LOG.warnf("job.events lag not measurable: %s", e.toString());
            }
            last = LagReading.unknown(e.toString(), Instant.now());
        }
    }

    public LagReading last() {
        return last;
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
