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

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
