package io.stagewire.gateway.fanout;

import io.stagewire.gateway.config.GatewayConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sets up subscriptions, on a small pool of worker threads (history reads and job-api calls
 * block): authorise, join the live stream at a seam, send {@code subscribed} (and a snapshot when
 * the client gave no position) as SubscriptionPlanner plans, replay (LogReplay) from the client's
 * position up to the seam, then release the live events held meanwhile. See docs/delivery.md for
 * why this is gap-free and duplicate-free.
 */
@ApplicationScoped
public class Subscriptions {
    private static final Logger LOG = Logger.getLogger(Subscriptions.class);

    private final GatewayConfig config;
    private final FanOut fanOut;
    private final Authoriser authoriser;
    private final SubscriptionPlanner planner;
    private final LogReplay replay;
    private final FanOutMetrics metrics;

    private ExecutorService workers;

    Subscriptions(GatewayConfig config, FanOut fanOut, Authoriser authoriser, SubscriptionPlanner planner, LogReplay replay,
                  FanOutMetrics metrics) {
        this.config = config;
        this.fanOut = fanOut;
        this.authoriser = authoriser;
        this.planner = planner;
        this.replay = replay;
        this.metrics = metrics;
    }

    @PostConstruct
    void start() {
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.replay().workers(), runnable -> {
            Thread thread = new Thread(runnable, "subscription-setup-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** The bounds of a connection's outbound queue, from configuration. */
    public Outbound.Limits outboundLimits() {
        GatewayConfig.Outbound limits = config.outbound();
        return new Outbound.Limits(limits.maxQueuedFrames(), limits.maxQueuedBytes(), limits.maxInFlight());
    }

    /** A new subscription of {@code outbound} to {@code channel}; nothing happens until {@link #start}. */
    public Subscription create(Channel channel, Outbound outbound, boolean conflate) {
        return new Subscription(channel, outbound, config.replay().maxHeldLive(), conflate);
    }

    /**
     * Sets the subscription up on a worker; frames (or an error frame) follow on its outbound queue.
     *
     * @param authorised a verdict already reached (SSE authorises before the stream starts), or null
     * @param onFailed   called when the subscription could not be set up, after its error frame
     */
    public void start(Viewer viewer, Subscription subscription, ResumeFrom since,
                      AccessVerdict.Granted authorised, Runnable onFailed) {
        workers.execute(() -> setUp(viewer, subscription, since, authorised, onFailed));
    }

    /** Authorisation alone, for SSE which must answer 403 before the stream starts. Blocks. */
    public AccessVerdict authorise(Viewer viewer, Channel channel) {
        return authoriser.authorise(viewer, channel).await().atMost(SubscriptionPlanner.CALL_TIMEOUT);
    }

    public void unsubscribe(Subscription subscription) {
        fanOut.unregister(subscription);
    }

    private void setUp(Viewer viewer, Subscription subscription, ResumeFrom since,
                       AccessVerdict.Granted authorised, Runnable onFailed) {
        Channel channel = subscription.channel();
        Outbound out = subscription.outbound();
        try {
            if (!fanOut.isStarted()) {
                throw new SetupFailure(ErrorCode.UNAVAILABLE, "the gateway is starting; try again shortly");
            }
            AccessVerdict.Granted granted = authorised != null ? authorised : grantOrFail(viewer, channel);
            if (subscription.isCancelled()) {
                return;
            }
            FanOut.Joined<UserJobs> joined = fanOut.register(subscription, planner.userJobsAtSeam(channel, since));
            long[] seam = joined.seam();
            SubscriptionPlan plan = planner.plan(viewer, channel, since, granted, seam, joined.atSeam());
            out.offer(Frames.subscribed(channel, plan.position(), plan.recovered()));
            if (plan.snapshot() != null) {
                out.offer(plan.snapshot());
            }
            int replayed = replay.replay(plan, seam, subscription);
            metrics.replayed(replayed);
            LOG.debugf("%s set up: %s, %d replayed, outbound %s", channel.name(), since == null ? "no since" : "since " + since.text(),
                    replayed, out.isClosed() ? "closed" : "open");
            if (subscription.isCancelled()) {
                fanOut.unregister(subscription);
                return;
            }
            if (!subscription.goLive(UserPosition.max(seam, plan.from()))) {
                fanOut.unregister(subscription);
                out.dropAsSlowConsumer();
            }
        } catch (SetupFailure failure) {
            fail(subscription, failure.code(), failure.getMessage(), onFailed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(subscription, ErrorCode.UNAVAILABLE, "the gateway is stopping; resume from your last position", onFailed);
        } catch (RuntimeException | Error e) {
            // An Error too: left alone it would end this worker's task with the subscription registered and holding
            // live events forever, the client told nothing.
            LOG.errorf(e, "subscription to %s failed", channel.name());
            fail(subscription, ErrorCode.UNAVAILABLE, "subscription failed: " + e.getMessage(), onFailed);
            if (e instanceof VirtualMachineError) {
                throw e;
            }
        }
    }

    private void fail(Subscription subscription, ErrorCode code, String message, Runnable onFailed) {
        fanOut.unregister(subscription);
        subscription.outbound().offer(Frames.error(code, message, "subscribe", subscription.channel().name()));
        onFailed.run();
    }

    private AccessVerdict.Granted grantOrFail(Viewer viewer, Channel channel) {
        AccessVerdict verdict;
        try {
            verdict = authoriser.authorise(viewer, channel).await().atMost(SubscriptionPlanner.CALL_TIMEOUT);
        } catch (RuntimeException e) {
            throw new SetupFailure(ErrorCode.UNAVAILABLE, "cannot check access to " + channel.name() + " (job-api: " + e.getMessage() + ")");
        }
        return switch (verdict) {
            case AccessVerdict.Granted granted -> granted;
            case AccessVerdict.Denied denied -> throw new SetupFailure(ErrorCode.FORBIDDEN, denied.reason());
        };
    }
}
