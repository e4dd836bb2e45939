package io.stagewire.worker.service;

/**
 * A work request that job-api and the workers did not write: its job does not exist or belongs to someone else.
 * Nothing is sent to the job for it (that would put a forger's events into another user's job); the record goes to
 * the dead-letter topic with this message as its reason. Never worth retrying.
 */
public class ForeignWorkRequestException extends RuntimeException {

    public ForeignWorkRequestException(String reason) {
        super(reason);
    }
}
