package io.stagewire.gateway.fanout;

import io.stagewire.events.EventPosition;
import java.util.Arrays;
import java.util.Optional;

/**
 * A client's {@code since} (or SSE {@code Last-Event-ID}), parsed for its channel: a job position
 * {@code partition-offset} on a job channel, a {@link UserPosition} vector on a user channel,
 * either with the epoch of the log it came from ({@link Positions}).
 *
 * @param text the token as the client sent it
 * @param next per partition, the first offset the client has not seen (only the job's partition
 *             is meaningful on a job channel; the others are -1)
 * @param jobPartition the partition of a job position, else -1
 * @param epoch the epoch the token carries, empty for a token without one
 */
public record ResumeFrom(String text, long[] next, int jobPartition, Optional<String> epoch) {

    public static Optional<ResumeFrom> parse(Channel channel, String text, int partitions) {
        return Positions.untag(text).flatMap(tagged -> parse(channel, text, tagged, partitions));
    }

    private static Optional<ResumeFrom> parse(Channel channel, String text, Positions.Tagged tagged, int partitions) {
        if (channel.isJob()) {
            return EventPosition.parse(tagged.position())
                    .filter(position -> position.partition() < partitions && position.offset() < Long.MAX_VALUE)
                    .map(position -> {
                        long[] next = new long[partitions];
                        Arrays.fill(next, -1);
                        next[position.partition()] = position.offset() + 1;
                        return new ResumeFrom(text, next, position.partition(), tagged.epoch());
                    });
        }
        return UserPosition.parse(tagged.position(), partitions).map(next -> new ResumeFrom(text, next, -1, tagged.epoch()));
    }

    /** True when the token names another epoch than the log's: it points into a log that no longer exists. */
    public boolean isFromAnotherEpoch(Positions current) {
        return epoch.isPresent() && !epoch.get().equals(current.epoch());
    }
}
