package io.stagewire.gateway.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import io.stagewire.gateway.client.JobApi;
import io.stagewire.gateway.fanout.Channel;
import io.stagewire.gateway.fanout.JobDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Who may subscribe to what: {@code user:} + own sub, jobs whose owner is the viewer, and any
 * channel for role admin. A job's owner is taken from its events (every event carries
 * {@code userid}); for a job the gateway has not seen, job-api decides with the viewer's own
 * token, and the owner it reports is cached.
 */
@ApplicationScoped
public class ChannelAccess {

    /** The verdict; a grant may carry the job as job-api returned it, to serve as the snapshot. */
    public sealed interface Verdict {
        record Granted(Optional<ObjectNode> job) implements Verdict {
        }

        record Denied(String reason) implements Verdict {
        }
    }

    @Inject
    JobDirectory directory;
    @Inject
    JobApi jobApi;
    @Inject
    @CacheName("job-owner")
    Cache owners;

    public Uni<Verdict> authorize(Viewer viewer, Channel channel) {
        if (viewer.admin()) {
            return granted(Optional.empty());
        }
        if (!channel.isJob()) {
            return channel.id().equals(viewer.sub()) ? granted(Optional.empty())
                    : denied("user channels are readable by their user only");
        }
        Optional<String> owner = knownOwner(channel.id());
        if (owner.isPresent()) {
            return owner.get().equals(viewer.sub()) ? granted(Optional.empty()) : denied(notYours(channel));
        }
        return jobApi.job(viewer.token(), channel.id()).map(job -> {
            if (job.isEmpty()) {
                return new Verdict.Denied(notYours(channel));
            }
            String reportedOwner = job.get().path("userId").asText(null);
            if (reportedOwner != null) {
                owners.as(CaffeineCache.class).put(channel.id(), CompletableFuture.completedFuture(reportedOwner));
            }
            // job-api answered 200 with the viewer's own token: it is theirs.
            return new Verdict.Granted(job);
        });
    }

    private Optional<String> knownOwner(String jobId) {
        Optional<String> fromEvents = directory.find(jobId).map(JobDirectory.SeenJob::owner);
        if (fromEvents.isPresent()) {
            return fromEvents;
        }
        CompletableFuture<String> cached = owners.as(CaffeineCache.class).getIfPresent(jobId);
        return cached == null ? Optional.empty() : Optional.ofNullable(cached.getNow(null));
    }

    private static String notYours(Channel channel) {
        return "job " + channel.id() + " is not yours or does not exist";
    }

    private static Uni<Verdict> granted(Optional<ObjectNode> job) {
        return Uni.createFrom().item(new Verdict.Granted(job));
    }

    private static Uni<Verdict> denied(String reason) {
        return Uni.createFrom().item(new Verdict.Denied(reason));
    }
}
