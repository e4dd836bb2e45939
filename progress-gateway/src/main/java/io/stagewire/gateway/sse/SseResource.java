package io.stagewire.gateway.sse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.stagewire.gateway.auth.TokenExpiry;
import io.stagewire.gateway.auth.Viewers;
import io.stagewire.gateway.config.GatewayConfig;
import io.stagewire.gateway.fanout.AccessVerdict;
import io.stagewire.gateway.fanout.Channel;
import io.stagewire.gateway.fanout.FanOut;
import io.stagewire.gateway.fanout.Outbound;
import io.stagewire.gateway.fanout.ResumeFrom;
import io.stagewire.gateway.fanout.Subscription;
import io.stagewire.gateway.fanout.Subscriptions;
import io.stagewire.gateway.fanout.Viewer;
import io.stagewire.gateway.limits.ConnectionQuota;
import io.stagewire.gateway.metrics.GatewayMetrics;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;

/**
 * Server-sent events for clients that cannot or will not use WebSocket: one channel per stream,
 * the same frames, the same resume ({@code Last-Event-ID} instead of {@code since}). Errors before
 * the stream starts are HTTP statuses: 400 bad channel or position, 401 (no valid token, from
 * quarkus-oidc), 403 not yours, 503 starting or job-api down.
 */
@Path("/sse")
public class SseResource {
    private final SecurityIdentity identity;
    private final GatewayConfig config;
    private final FanOut fanOut;
    private final Subscriptions subscriptions;
    private final TokenExpiry tokenExpiry;
    private final GatewayMetrics metrics;
    private final Vertx vertx;
    private final ConnectionQuota quota;
    private final OpenSseStreams openStreams;

    SseResource(SecurityIdentity identity, GatewayConfig config, FanOut fanOut, Subscriptions subscriptions,
                TokenExpiry tokenExpiry, GatewayMetrics metrics, Vertx vertx, ConnectionQuota quota,
                OpenSseStreams openStreams) {
        this.identity = identity;
        this.config = config;
        this.fanOut = fanOut;
        this.subscriptions = subscriptions;
        this.tokenExpiry = tokenExpiry;
        this.metrics = metrics;
        this.vertx = vertx;
        this.quota = quota;
        this.openStreams = openStreams;
    }

    @GET
    @Path("/jobs/{id}")
    @Blocking
    @jakarta.ws.rs.Produces(MediaType.SERVER_SENT_EVENTS)
    public void job(@PathParam("id") String jobId, @HeaderParam("Last-Event-ID") String lastEventId,
                    @QueryParam("conflate") String conflate,
                    @Context SseEventSink sink, @Context Sse sse, @Context RoutingContext http) {
        stream(Channel.parse(Channel.jobChannelName(jobId)), lastEventId, conflate, sink, sse, http);
    }

    @GET
    @Path("/users/{sub}")
    @Blocking
    @jakarta.ws.rs.Produces(MediaType.SERVER_SENT_EVENTS)
    public void user(@PathParam("sub") String sub, @HeaderParam("Last-Event-ID") String lastEventId,
                     @QueryParam("conflate") String conflate,
                     @Context SseEventSink sink, @Context Sse sse, @Context RoutingContext http) {
        stream(Channel.parse(Channel.userChannelName(sub)), lastEventId, conflate, sink, sse, http);
    }

    private void stream(Optional<Channel> parsed, String lastEventId, String conflateParam, SseEventSink sink, Sse sse,
                        RoutingContext http) {
        if (conflateParam != null && !conflateParam.equals("true") && !conflateParam.equals("false")) {
            throw new BadRequestException("conflate must be true or false");
        }
        boolean conflate = "true".equals(conflateParam);
        Channel channel = parsed.orElseThrow(() -> new BadRequestException("bad channel name: a job id is 1-128 characters of A-Za-z0-9._:-, a user sub 1-255 printable non-blank characters"));
        if (!fanOut.isStarted()) {
            throw new ServiceUnavailableException("the gateway is starting; try again shortly", 2L);
        }
        ResumeFrom since = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            since = ResumeFrom.parse(channel, lastEventId.trim(), fanOut.partitions())
                    .orElseThrow(() -> new BadRequestException("Last-Event-ID is not a position of this channel"));
        }
        Viewer viewer = Viewers.of(identity);
        AccessVerdict verdict;
        try {
            verdict = subscriptions.authorise(viewer, channel);
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("cannot check access (job-api unavailable)", 2L);
        }
        if (!(verdict instanceof AccessVerdict.Granted granted)) {
            throw new ForbiddenException(((AccessVerdict.Denied) verdict).reason());
        }
        if (!quota.tryAcquire(viewer.sub(), ConnectionQuota.Transport.SSE)) {
            throw new WebApplicationException("more than " + quota.limit(ConnectionQuota.Transport.SSE)
                    + " event streams open for this user", 429);
        }
        open(viewer, channel, since, granted, conflate, sink, sse, http);
    }

    private void open(Viewer viewer, Channel channel, ResumeFrom since, AccessVerdict.Granted granted, boolean conflate,
                      SseEventSink sink, Sse sse, RoutingContext http) {
        // The response head goes out here, on this thread, before anything else can send: RESTEasy Reactive writes the
        // head after this method returns unless it is written already, and a first frame sent from the event loop at
        // the same moment found it unwritten too — both wrote it, the second failed ("Response head already sent")
        // and the stream ended (SseRequestFuzzTest, once in a full run).
        sink.send(sse.newEventBuilder().comment("open").build());
        SseSession session = new SseSession(new SseSession.Services(subscriptions, openStreams, quota, tokenExpiry, metrics, vertx),
                viewer, sink);
        Outbound outbound = new SseOutbound(sink, sse, subscriptions.outboundLimits(), metrics, session::end);
        Subscription subscription = subscriptions.create(channel, outbound, conflate);
        // The client went away: end at once (not at the next heartbeat), which also frees its quota.
        http.addEndHandler(done -> session.end());
        if (session.begin(subscription, config.sseHeartbeat().toMillis())) {
            subscriptions.start(viewer, subscription, since, granted, outbound::closeWhenDrained);
        }
    }
}
