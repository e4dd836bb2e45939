package io.stagewire.gateway.fanout;

import io.stagewire.events.EventPosition;
import java.util.Optional;

/**
 * Writes and reads the resume tokens the gateway hands out, each tagged with the epoch of the
 * log it points into: {@code 7-1042~9f3a61c2} on a job channel, {@code U.2s.0.1f~9f3a61c2} on a
 * user channel. The epoch is derived from the id Kafka gave job.events when it was created, so
 * a token from a deleted and recreated topic, or from another cluster, is recognised as such
 * instead of being taken as a floor below which new events would be skipped (Centrifugo's
 * epoch, docs/protocol.md). A token without an epoch ({@code 7-1042}, as job-api's REST
 * {@code position} is written) is still accepted; it is then only checked against the log's end.
 */
public final class Positions {
    /** Not in base 36, not a digit, not '-' or '.': the token's parts stay unambiguous. */
    static final char EPOCH_SEPARATOR = '~';
    private static final int MAX_EPOCH_LENGTH = 32;

    private final String epoch;

    public Positions(String epoch) {
        if (epoch == null || epoch.isEmpty() || epoch.length() > MAX_EPOCH_LENGTH || epoch.indexOf(EPOCH_SEPARATOR) >= 0) {
            throw new IllegalArgumentException("not an epoch: " + epoch);
        }
        this.epoch = epoch;
    }

    public String epoch() {
        return epoch;
    }

    public String job(int partition, long offset) {
        return new EventPosition(partition, offset).toString() + EPOCH_SEPARATOR + epoch;
    }

    public String job(EventPosition position) {
        return job(position.partition(), position.offset());
    }

    /** A user channel's position: per partition, the next offset the client has not been given. */
    public String user(long[] nextOffsets) {
        return UserPosition.format(nextOffsets) + EPOCH_SEPARATOR + epoch;
    }

    /** A token split into its position and its epoch (empty when the token carries none). */
    public record Tagged(String position, Optional<String> epoch) {
    }

    /** Splits a client's token; empty when its epoch part is malformed. */
    public static Optional<Tagged> untag(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int at = token.lastIndexOf(EPOCH_SEPARATOR);
        if (at < 0) {
            return Optional.of(new Tagged(token, Optional.empty()));
        }
        String epoch = token.substring(at + 1);
        if (epoch.isEmpty() || epoch.length() > MAX_EPOCH_LENGTH || !epoch.chars().allMatch(Positions::isEpochChar)) {
            return Optional.empty();
        }
        return Optional.of(new Tagged(token.substring(0, at), Optional.of(epoch)));
    }

    private static boolean isEpochChar(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
