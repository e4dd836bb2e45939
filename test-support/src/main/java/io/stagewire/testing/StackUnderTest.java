package io.stagewire.testing;

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

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
