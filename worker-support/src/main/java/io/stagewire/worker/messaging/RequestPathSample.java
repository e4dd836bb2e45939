package io.stagewire.worker.messaging;

import io.stagewire.events.StageEvent;
import io.stagewire.events.work.WorkMessage;

/** A worker's own kind of request and the first event it sends for one: what RequestPathWarmUp runs at start. */
public interface RequestPathSample {

    /** A request for the job {@code id}, which does not exist, and the first event the worker would send for it. */
    Sample sample(String id);

    record Sample(WorkMessage request, StageEvent firstEvent) {
    }
}
