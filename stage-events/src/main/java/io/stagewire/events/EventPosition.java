package io.stagewire.events;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an event sits on {@code job.events}: all events of a job share one partition, so the
 * offset inside it orders them and is a resume token. Clients treat the string form as opaque.
 */
public record EventPosition(int partition, long offset) implements Comparable<EventPosition> {
    private static final Pattern FORM = Pattern.compile("(\\d{1,5})-(\\d{1,19})");

    public EventPosition {
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("partition and offset must not be negative");
        }
    }

    /** Parses the string form; empty when it is not one. */
    public static Optional<EventPosition> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EventPosition(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(EventPosition other) {
        int byPartition = Integer.compare(partition, other.partition);
        return byPartition != 0 ? byPartition : Long.compare(offset, other.offset);
    }

    @Override
    public String toString() {
        return partition + "-" + offset;
    }
}
