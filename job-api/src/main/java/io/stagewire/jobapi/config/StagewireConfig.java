package io.stagewire.jobapi.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** job-api's own settings ({@code stagewire.*} in application.properties). */
@ConfigMapping(prefix = "stagewire")
public interface StagewireConfig {

    Pg pg();

    Outbox outbox();

    History history();

    Announcements announcements();

    Progress progress();

    Files files();

    Uploads uploads();

    Dashboard dashboard();

    Events events();

    Http http();

    ExternalJobs externalJobs();

    Jobs jobs();

    WarmUp warmUp();

    /** What job-api does before it takes its first event (JobApiWarmUp). */
    interface WarmUp {
        /** Rolled-back jobs whose events run through the event path at start; 0 turns the warm-up off. */
        @io.smallrye.config.WithDefault("3")
        int rounds();
    }

    /**
     * What one user may have the pipeline do (docs/security.md): crawling and OCR cost minutes of CPU per job, so one
     * account must not queue work without bound. Per user, across replicas (counted in Postgres); past either bound,
     * creating a job answers 429 with Retry-After.
     */
    interface Jobs {
        /** Jobs a user may have unfinished (pending to rendering), crawl and extraction alike. */
        @io.smallrye.config.WithDefault("100")
        int maxUnfinishedPerUser();

        /** Jobs a user may create within any minute. */
        @io.smallrye.config.WithDefault("60")
        int maxCreatedPerMinute();
    }

    interface ExternalJobs {
        /** An external job with no event for this long is stale: not counted as active (no replay from it). */
        @io.smallrye.config.WithDefault("PT1H")
        Duration staleAfter();
    }

    /** Where Postgres is; the datasource URLs are built from it. */
    interface Pg {
        String hostport();

        String database();
    }

    /** How long the event history is kept, per job kind (docs/storage.md). */
    interface History {
        /** Events of external jobs (other systems' producers) older than this are deleted. */
        @io.smallrye.config.WithDefault("P7D")
        Duration externalJobs();

        /** Events of Stagewire's own jobs (crawl, extraction) older than this are deleted; unset: kept. */
        java.util.Optional<Duration> ownJobs();

        /**
         * How far back a redelivered record is recognised as one: at least as long as Kafka can still hand a
         * record of job.events out again — its retention plus one segment's time (a segment is deleted only
         * when its newest record has expired): 7 + 7 days by default.
         */
        @io.smallrye.config.WithDefault("P14D")
        Duration redeliveryWindow();

        /** Rows deleted per statement: a purge never holds long locks or a long transaction. */
        @io.smallrye.config.WithDefault("5000")
        int purgeBatch();

        /** How often the purge runs (scheduler syntax). */
        @io.smallrye.config.WithDefault("1h")
        String purgeEvery();
    }

    interface Outbox {
        /** How often the relay looks for records to send (scheduler syntax, e.g. 0.1s). */
        String relayEvery();

        /** Records relayed per run of the relay. */
        int batchSize();

        /** How long sent records stay in the table (for inspection) before they are deleted. */
        Duration keepSent();
    }

    interface Announcements {
        /** How often queue positions and held-back progress are announced (scheduler syntax). */
        String every();
    }

    interface Progress {
        /** job:progress is sent when this much time passed since the last one ... */
        Duration minInterval();

        /** ... or when progress moved by at least this many points. */
        double minStep();
    }

    interface Files {
        /** Cache-Control max-age of file downloads; a file's bytes never change under its id. */
        Duration maxAge();
    }

    interface Uploads {
        long maxPriceListBytes();

        int maxPriceListRows();

        long maxImageBytes();

        int maxImages();
    }

    interface Http {
        /** application/json (and +json) request bodies larger than this are refused with 413 before they are read. */
        long maxJsonBodyBytes();
    }

    interface Events {
        /**
         * CloudEvents sources that may write to job-api's own jobs (crawl and extraction): job-api
         * and the workers. Any other source is dead-lettered for those jobs (docs/lifecycle.md).
         */
        java.util.Set<String> ownSources();

        /** Records applied per transaction at most (max.poll.records of the job-events channel). */
        @io.smallrye.config.WithDefault("2000")
        int batchSize();

        /** Readiness says degraded (still UP) when job-api is more than this many events behind on job.events. */
        @io.smallrye.config.WithDefault("10000")
        long lagDegradedAbove();

        /** How often the lag is measured (scheduler syntax; one admin round trip per period). */
        @io.smallrye.config.WithDefault("5s")
        String lagRefreshEvery();
    }

    /** Where the browser dashboard logs in and connects (served to it by /dashboard/config.json). */
    interface Dashboard {
        /** The OIDC issuer the dashboard logs in with (authorization code + PKCE). */
        String issuer();

        /** Its public client id at the issuer. */
        String clientId();

        /** The progress gateway's WebSocket URL as the browser reaches it. */
        String gatewayUrl();
    }
}
