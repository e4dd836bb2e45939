package io.stagewire.events;

import java.util.List;

/** Kafka topic names of the contract and the partition counts the local stack creates. */
public final class Topics {
    /** Every stage event, keyed by job id: a job's events are totally ordered. */
    public static final String JOB_EVENTS = "job.events";
    /** Records on {@link #JOB_EVENTS} that are not valid stage events, with the reason in a header. */
    public static final String JOB_EVENTS_DLQ = "job.events.dlq";
    public static final String CRAWL_REQUESTS = "crawl.requests";
    public static final String OCR_REQUESTS = "ocr.requests";
    public static final String LABEL_REQUESTS = "label.requests";
    /** Dead letters of the work topics, one per topic: the original topic name plus this suffix. */
    public static final String DLQ_SUFFIX = ".dlq";

    public static final int DEFAULT_PARTITIONS = 12;

    /** Every topic the stack creates, dead-letter topics included. */
    public static final List<String> ALL = List.of(
            JOB_EVENTS, JOB_EVENTS_DLQ,
            CRAWL_REQUESTS, CRAWL_REQUESTS + DLQ_SUFFIX,
            OCR_REQUESTS, OCR_REQUESTS + DLQ_SUFFIX,
            LABEL_REQUESTS, LABEL_REQUESTS + DLQ_SUFFIX);

    private Topics() {
    }
}
