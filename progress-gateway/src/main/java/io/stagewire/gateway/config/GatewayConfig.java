package io.stagewire.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Everything the gateway lets an operator tune; the limits of docs/protocol.md live here. */
@ConfigMapping(prefix = "stagewire.gateway")
public interface GatewayConfig {

    /** The topic of stage events; tests point a gateway at a private topic. */
    @WithDefault("job.events")
    String topic();

    /** Where records that are not stage events go. */
    @WithDefault("job.events.dlq")
    String deadLetterTopic();

    /**
     * Whether this replica writes dead letters. Every replica reads every record, so with N
     * replicas only the ones configured as writers send them; records are keyed by their source
     * coordinates, so duplicates from several writers are recognisable (docs/delivery.md).
     */
    @WithDefault("true")
    boolean deadLetterWriter();

    Auth auth();

    Limits limits();

    Outbound outbound();

    Replay replay();

    Ownership ownership();

    Window window();

    @WithDefault("PT15S")
    Duration sseHeartbeat();

    /**
     * How often an open WebSocket is pinged, so that proxies and NATs keep an idle connection. One tick a second per
     * event loop serves every connection's ping and token expiry (websocket.SessionSweeps), so the interval is
     * rounded up to whole seconds in effect.
     */
    @WithDefault("PT25S")
    Duration websocketPing();

    /**
     * A job with no event for this long is not listed among a user's active jobs in a snapshot from
     * memory: the same rule as job-api's {@code stagewire.external-jobs.stale-after}, so an external job
     * whose producer went silent is not shown as running forever.
     */
    @WithDefault("PT1H")
    Duration staleAfter();

    /** How many jobs the gateway remembers from events (owner, partition, last event) for authorisation. */
    @WithDefault("100000")
    int knownJobs();

    interface Auth {
        /**
         * Origins a browser may open /ws from. A request without Origin (not a browser) passes. /sse needs none: a page
         * cannot put a bearer token on an EventSource, and a cross-site fetch with one is stopped by CORS (the gateway
         * allows no other origin), whereas a WebSocket upgrade is not subject to CORS.
         */
        @WithDefault("http://localhost:8080,http://127.0.0.1:8080")
        List<String> allowedOrigins();

        /** A connection is closed with 4001 this long before its token's exp (a WebSocket up to one sweep tick more). */
        @WithDefault("PT1S")
        Duration expiryMargin();
    }

    interface Limits {
        /** Largest client frame, in characters; a larger one closes the connection with 1009. */
        @WithDefault("8192")
        int maxFrameChars();

        @WithDefault("64")
        int maxSubscriptions();

        /**
         * Open WebSockets per user on one replica; past it the upgrade gets 429 (docs/protocol.md). A
         * dashboard tab needs one; 100 leaves room for many tabs, devices and a service account's
         * workers while keeping one account's share of a 20 000-connection replica at 0.5 %.
         */
        @WithDefault("100")
        int maxWebsocketsPerUser();

        /**
         * Open SSE streams per user on one replica; past it 429. SSE carries one channel per stream and
         * browsers allow 6 HTTP/1.1 connections per origin, so 20 is already several browsers' worth.
         */
        @WithDefault("20")
        int maxSseStreamsPerUser();

        /** Sustained client operations per second and connection. */
        @WithDefault("20")
        int opsPerSecond();

        /** Operations a connection may send in a burst before the rate applies. */
        @WithDefault("40")
        int opsBurst();
    }

    interface Outbound {
        /** Frames waiting for the socket, per connection; past this the connection is closed with 4008. */
        @WithDefault("1024")
        int maxQueuedFrames();

        /** Bytes waiting for the socket, per connection; past this the connection is closed with 4008. */
        @WithDefault("1048576")
        int maxQueuedBytes();

        /** Frames handed to the socket but not yet written, per connection. */
        @WithDefault("16")
        int maxInFlight();
    }

    interface Replay {
        /** Threads (each with its own Kafka consumer) that set up subscriptions and replay history. */
        @WithDefault("4")
        int workers();

        /** Live events held for one subscription while its history is replayed; past this it is closed with 4008. */
        @WithDefault("10000")
        int maxHeldLive();

        /** How long a replay waits for a client to drain its queue before giving up with 4008. */
        @WithDefault("PT30S")
        Duration drainTimeout();

        /**
         * For a job job-api knows but whose events it has not applied yet (snapshot position null):
         * how far back in its partition the gateway looks for its events.
         */
        @WithDefault("PT24H")
        Duration unknownPositionLookback();

        /** Events per request to job-api's history when Kafka no longer holds them. */
        @WithDefault("500")
        int historyPageSize();
    }

    interface Ownership {
        /** Jobs whose owner the gateway remembers (about 60 bytes plus the job id each); least recently used first out. */
        @WithDefault("500000")
        int maxJobs();

        /**
         * The CloudEvents source of job-api: jobs it created are job-api's, and events of them may come
         * from any Stagewire worker; every other job is bound to the source of its first event.
         */
        @WithDefault("/stagewire/job-api")
        String jobApiSource();

        /**
         * The sources that may write events of job-api's own jobs (job-api and its workers); job-api
         * dead-letters events of its jobs from any other source (stagewire.events.own-sources), and so
         * does the gateway, so that what is fanned out live is what job-api keeps in the history.
         */
        @WithDefault("/stagewire/job-api,/stagewire/crawler-worker,/stagewire/ocr-worker,/stagewire/label-worker")
        java.util.List<String> ownSources();
    }

    /** The in-memory window of recent events per job a subscribe or resume is served from (docs/delivery.md). */
    interface Window {
        /** Event frames kept per job. */
        @WithDefault("256")
        int maxEvents();

        /** Events older than this (by their time) are not kept. */
        @WithDefault("PT15M")
        Duration maxAge();

        /**
         * Bytes of frames kept over all jobs; past it the windows of the least recently used jobs are
         * dropped. Unset: an eighth of the maximum heap (48 MiB at the stack's -Xmx384m), so that the
         * windows leave the heap to the connections (a fixed 128 MiB left a 384 MiB gateway unable to hold
         * 19 500 idle connections: docs/benchmarks.md).
         */
        java.util.OptionalLong maxBytes();
    }
}
