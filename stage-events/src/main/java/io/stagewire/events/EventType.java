package io.stagewire.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The stage event types of the contract (DESIGN.md), by their wire names. */
public enum EventType {
    JOB_CREATED("job:created"),
    JOB_UPDATED("job:updated"),
    JOB_PROGRESS("job:progress"),
    JOB_COMPLETED("job:completed"),
    JOB_FAILED("job:failed"),
    JOB_CANCELLED("job:cancelled"),
    QUEUE_POSITION("queue:position"),
    CRAWL_STARTED("crawl:started"),
    SCREENSHOT_CAPTURED("screenshot:captured"),
    CRAWL_COMPLETED("crawl:completed"),
    CRAWL_FAILED("crawl:failed"),
    OCR_STARTED("ocr:started"),
    OCR_PROGRESS("ocr:progress"),
    OCR_COMPLETED("ocr:completed"),
    OCR_FAILED("ocr:failed"),
    MATCH_FOUND("match:found"),
    MATCH_FAILED("match:failed"),
    LABEL_GENERATED("label:generated"),
    LABEL_FAILED("label:failed"),
    SYSTEM_NOTIFICATION("system:notification");

    private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, e.g. {@code job:progress}. */
    public String wireName() {
        return wireName;
    }

    /** A job ends with exactly one of these. */
    public boolean isTerminal() {
        return this == JOB_COMPLETED || this == JOB_FAILED || this == JOB_CANCELLED;
    }

    /** File name stem of the data schema: the wire name with ':' replaced by '-'. */
    String schemaName() {
        return wireName.replace(':', '-');
    }

    public static Optional<EventType> fromWireName(String name) {
        return Optional.ofNullable(name == null ? null : BY_WIRE_NAME.get(name));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
