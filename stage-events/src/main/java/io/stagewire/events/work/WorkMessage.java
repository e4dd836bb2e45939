package io.stagewire.events.work;

/**
 * A unit of work for a worker on one of the work topics. Every message carries a
 * {@code requestId}: a sender may deliver a message more than once (the outbox relays at least
 * once), and a worker that has already done {@code requestId} skips it.
 */
public sealed interface WorkMessage permits CrawlRequest, OcrRequest, LabelRequest {

    /** Unique per message; the same on a redelivery, new on a retry. */
    String requestId();

    String jobId();

    /** Owner of the job (OIDC sub): workers put it in the {@code userid} of their events and files. */
    String userId();

    /** The topic the message travels on. */
    String topic();

    /** The record key: spreads load over partitions (DESIGN.md: job id for crawls, screenshot id otherwise). */
    String key();
}
