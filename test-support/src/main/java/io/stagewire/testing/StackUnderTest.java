package io.stagewire.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** Where the stack that {@code ./stagewire test} started can be reached; overridable by environment. */
public final class StackUnderTest {
    private StackUnderTest() {
    }

    public static String kafkaBootstrap() {
        return env("STAGEWIRE_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    }

    /** The realm's issuer URL. */
    public static String oidcRealmUrl() {
        return env("STAGEWIRE_OIDC_URL", "http://localhost:8180/realms/stagewire");
    }

    /** The test database ({@code stagewire_test}, as ./stagewire test prepares it) for tests outside Quarkus. */
    public static javax.sql.DataSource testDatabase() {
        org.postgresql.ds.PGSimpleDataSource db = new org.postgresql.ds.PGSimpleDataSource();
        db.setURL("jdbc:postgresql://127.0.0.1:5432/" + env("_TEST_STAGEWIRE_PG_DATABASE", "stagewire_test"));
        db.setUser(env("QUARKUS_DATASOURCE_USERNAME", "postgres"));
        db.setPassword(env("QUARKUS_DATASOURCE_PASSWORD", ""));
        return db;
    }

    /**
     * Fails, naming the cause, when a running service reads {@code topic} in consumer group {@code group}: a stack
     * started with {@code ./stagewire up} takes a test's work requests too (every group reads every record) and answers
     * them from its own database, so the test would see that stack's dead letters and failures beside its own.
     */
    public static void requireNoServiceReading(String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap()))) {
            int members = admin.describeConsumerGroups(List.of(group)).all().get(15, TimeUnit.SECONDS)
                    .get(group).members().size();
            if (members > 0) {
                throw new IllegalStateException("consumer group '" + group + "' has " + members + " member(s) reading " + topic
                        + ": a running stack's worker (./stagewire up) would take this test's requests too. "
                        + "Stop it (./stagewire down; ./stagewire up --infra starts what the tests need) or run ./stagewire test");
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw new IllegalStateException("cannot describe consumer group '" + group + "': " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot describe consumer group '" + group + "' at " + kafkaBootstrap(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
