package io.stagewire.gateway.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.stagewire.gateway.client.JobApi;
import io.stagewire.gateway.fanout.AccessVerdict;
import io.stagewire.gateway.fanout.Authoriser;
import io.stagewire.gateway.fanout.Channel;
import io.stagewire.gateway.fanout.SharedLookups;
import io.stagewire.gateway.fanout.Viewer;
import io.stagewire.gateway.ownership.JobBinding;
import io.stagewire.gateway.ownership.JobOwners;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Who may subscribe to what: {@code user:} + own sub, jobs whose owner is the viewer, and any
 * channel for role admin. A job's owner is its binding (JobOwners: job-api's word or the job's
 * first event, never a later one). When the binding does not name the viewer, or there is none,
 * job-api decides with the viewer's own token, and the owner it reports becomes the binding: a
 * binding learnt from a forged first event (possible only for a job whose real first event left
 * Kafka's retention before this gateway started) never locks the real owner out.
 */
@ApplicationScoped
public class ChannelAccess implements Authoriser {
    private final JobOwners owners;
    private final JobApi jobApi;
    private final SharedLookups<Optional<ObjectNode>> jobLookups = new SharedLookups<>();

    ChannelAccess(JobOwners owners, JobApi jobApi) {
        this.owners = owners;
        this.jobApi = jobApi;
    }

    @Override
    public Uni<AccessVerdict> authorise(Viewer viewer, Channel channel) {
        if (viewer.admin()) {
            return granted(Optional.empty());
        }
        if (!channel.isJob()) {
            return channel.id().equals(viewer.sub()) ? granted(Optional.empty())
                    : denied("user channels are readable by their user only");
        }
        Optional<JobBinding> binding = owners.binding(channel.id());
        if (binding.isPresent() && binding.get().owner().equals(viewer.sub())) {
            return granted(Optional.empty());
        }
        if (binding.isPresent() && binding.get().fromJobApi()) {
            return denied(notYours(channel));
        }
        // One call per viewer and job at a time: a storm of one user's clients shares job-api's answer.
        return jobLookups.get(viewer.sub() + "\n" + channel.id(), () -> jobApi.job(viewer.token(), channel.id()))
                .<AccessVerdict>map(job -> {
                    if (job.isEmpty()) {
                        return new AccessVerdict.Denied(notYours(channel));
                    }
                    String reportedOwner = job.get().path("userId").asText(null);
                    if (reportedOwner != null) {
                        owners.confirmedByJobApi(channel.id(), reportedOwner);
                    }
                    // job-api answered 200 with the viewer's own token: it is theirs.
                    return new AccessVerdict.Granted(job);
                }).onFailure().recoverWithUni(failure -> binding.isPresent()
                        // job-api cannot overrule the binding now; what we know says it is not theirs.
                        ? denied(notYours(channel))
                        : Uni.createFrom().failure(failure));
    }

    private static String notYours(Channel channel) {
        return "job " + channel.id() + " is not yours or does not exist";
    }

    private static Uni<AccessVerdict> granted(Optional<ObjectNode> job) {
        return Uni.createFrom().item(new AccessVerdict.Granted(job));
    }

    private static Uni<AccessVerdict> denied(String reason) {
        return Uni.createFrom().item(new AccessVerdict.Denied(reason));
    }
}
