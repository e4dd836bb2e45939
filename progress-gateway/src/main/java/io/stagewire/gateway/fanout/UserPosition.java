package io.stagewire.gateway.fanout;

import java.util.Arrays;
import java.util.Optional;

/**
 * The resume token of a {@code user:} channel. A user's jobs spread over all partitions of
 * job.events, so the position is a vector: for each partition the next offset the client has not
 * yet been given (every event of the channel below it was delivered). Written {@code U} followed
 * by {@code .}-separated base-36 offsets, partition 0 first, trailing zeros left out:
 * {@code U.2s.0.1f} means partition 0 from offset 100, partition 1 from 0, partition 2 from 51,
 * every other partition from 0.
 */
public final class UserPosition {
    private static final String PREFIX = "U";
    private static final int MAX_LENGTH = 4096;

    private UserPosition() {
    }

    public static String format(long[] nextOffsets) {
        int last = nextOffsets.length - 1;
        while (last >= 0 && nextOffsets[last] == 0) {
            last--;
        }
        StringBuilder text = new StringBuilder(PREFIX);
        for (int p = 0; p <= last; p++) {
            text.append('.').append(Long.toString(nextOffsets[p], 36));
        }
        return text.toString();
    }

    /** The vector over {@code partitions} partitions, or empty when the text is not a user position. */
    public static Optional<long[]> parse(String text, int partitions) {
        if (text == null || text.length() > MAX_LENGTH || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        long[] next = new long[partitions];
        if (text.length() == PREFIX.length()) {
            return Optional.of(next);
        }
        if (text.charAt(PREFIX.length()) != '.') {
            return Optional.empty();
        }
        String[] parts = text.substring(PREFIX.length() + 1).split("\\.", -1);
        if (parts.length > partitions) {
            return Optional.empty();
        }
        try {
            for (int p = 0; p < parts.length; p++) {
                if (parts[p].isEmpty() || parts[p].length() > 13 || parts[p].charAt(0) == '-' || parts[p].charAt(0) == '+') {
                    return Optional.empty();
                }
                next[p] = Long.parseLong(parts[p], 36);
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(next);
    }

    /** Element-wise maximum. */
    public static long[] max(long[] a, long[] b) {
        long[] result = Arrays.copyOf(a, Math.max(a.length, b.length));
        for (int p = 0; p < b.length; p++) {
            result[p] = Math.max(result[p], b[p]);
        }
        return result;
    }
}
