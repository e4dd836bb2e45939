package io.stagewire.bench.ingestion;

// Measures how fast job-api applies a burst of external stage events from job.events (docs/benchmarks.md).
// Run by benchmarks/ingestion-benchmark.sh (benchmarks/run ingestion); loopback only, bounded by --timeout.
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.StageEventJson;
import io.stagewire.events.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class IngestionBenchmark {
    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>(Map.of("events", "30000", "jobs", "300", "bootstrap", "127.0.0.1:9092",
                "jdbc", "jdbc:postgresql://127.0.0.1:5432/stagewire_bench", "timeout", "120", "group", "job-api-bench",
                "phase", "produce", "source", ""));
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            opt.put(kv[0], kv[1]);
        }
        int events = Integer.parseInt(opt.get("events"));
        int jobs = Integer.parseInt(opt.get("jobs"));
        long timeoutMs = Long.parseLong(opt.get("timeout")) * 1000;
        if (opt.get("phase").equals("measure")) {
            measure(opt, events, timeoutMs);
            return;
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        String source = "/bench/" + run;
        // The burst waits on the topic while job-api is down: its group starts right before it.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, opt.get("bootstrap")))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(Topics.JOB_EVENTS)).allTopicNames().get().get(Topics.JOB_EVENTS).partitions()
                    .forEach(p -> latest.put(new TopicPartition(Topics.JOB_EVENTS, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(opt.get("group"), ends).all().get();
        }

        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, opt.get("bootstrap"),
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer())) {
            // Every job: job:created first, then job:progress, interleaved over the jobs like many producers at once.
            for (int i = 0; i < events; i++) {
                int job = i % jobs;
                int step = i / jobs;
                String jobId = "bench-" + run + ":" + job;
                StageEvent event = step == 0
                        ? StageEvent.of(EventType.JOB_CREATED, source, jobId, "bench-user", StageEventJson.object().put("status", "pending"))
                        : StageEvent.of(EventType.JOB_PROGRESS, source, jobId, "bench-user",
                                StageEventJson.object().put("progress", Math.min(99, step)).put("stage", "import"));
                producer.send(StageEventCodec.toRecord(Topics.JOB_EVENTS, event));
            }
            producer.flush();
        }
        double produced = (System.nanoTime() - start) / 1e9;
        System.out.printf("produced %d events for %d jobs in %.2f s (%.0f events/s)%n", events, jobs, produced, events / produced);
        System.out.println("SOURCE " + source);
    }

    private static void measure(Map<String, String> opt, int events, long timeoutMs) throws Exception {
        String source = opt.get("source");
        long start = System.nanoTime();
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        try (Connection db = DriverManager.getConnection(opt.get("jdbc"), "postgres", "")) {
            db.setAutoCommit(true);
            // A new database has no schema until job-api's migration ran: wait for it.
            while (!tableExists(db)) {
                if (System.nanoTime() > deadline) {
                    System.out.println("TIMEOUT: job-api did not create job_events");
                    System.exit(1);
                }
                Thread.sleep(50);
            }
        }
        try (Connection db = DriverManager.getConnection(opt.get("jdbc"), "postgres", "");
             PreparedStatement count = db.prepareStatement(
                     "select count(*), extract(epoch from max(recorded_at) - min(recorded_at)) from job_events where source = ?")) {
            count.setString(1, source);
            long firstSeen = 0;
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    long applied = rs.getLong(1);
                    long now = System.nanoTime();
                    if (applied > 0 && firstSeen == 0) {
                        firstSeen = now;
                    }
                    if (applied >= events) {
                        double span = (now - firstSeen) / 1e9;
                        System.out.printf("applied %d events: %.2f s from the first applied batch to the last seen "
                                + "(polled every 50 ms; recorded_at span %.2f s, %.2f s after job-api started)%n",
                                applied, span, rs.getDouble(2), (now - start) / 1e9);
                        System.out.printf("RESULT %.0f events/s applied by job-api%n", events / Math.max(span, 0.001));
                        return;
                    }
                }
                Thread.sleep(50);
            }
            System.out.println("TIMEOUT: not every event was applied within " + opt.get("timeout") + " s");
            System.exit(1);
        }
    }

    private static boolean tableExists(Connection db) throws java.sql.SQLException {
        try (ResultSet rs = db.createStatement().executeQuery("select to_regclass('job_events') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
