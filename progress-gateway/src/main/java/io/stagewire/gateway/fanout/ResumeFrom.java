package io.stagewire.gateway.fanout;

import io.stagewire.events.EventPosition;
import java.util.Optional;

/**
 * A client's {@code since} (or SSE {@code Last-Event-ID}), parsed for its channel: a job position
 * {@code partition-offset} on a job channel, a {@link UserPosition} vector on a user channel.
 *
 * @param text the token as the client sent it
 * @param next per partition, the first offset the client has not seen (only the job's partition
 *             is meaningful on a job channel; the others are -1)
 * @param jobPartition the partition of a job position, else -1
 */
public record ResumeFrom(String text, long[] next, int jobPartition) {

    public static Optional<ResumeFrom> parse(Channel channel, String text, int partitions) {
        if (channel.isJob()) {
            return EventPosition.parse(text)
                    .filter(position -> position.partition() < partitions && position.offset() < Long.MAX_VALUE)
                    .map(position -> {
                        long[] next = new long[partitions];
                        java.util.Arrays.fill(next, -1);
                        next[position.partition()] = position.offset() + 1;
                        return new ResumeFrom(text, next, position.partition());
                    });
        }
        return UserPosition.parse(text, partitions).map(next -> new ResumeFrom(text, next, -1));
    }
}
