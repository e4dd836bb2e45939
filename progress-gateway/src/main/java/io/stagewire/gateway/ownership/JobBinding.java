package io.stagewire.gateway.ownership;

/**
 * Who owns a job, fixed once.
 *
 * @param owner    the {@code sub} of the owner
 * @param producer the CloudEvents {@code source} every event of an external job must carry; null
 *                 for job-api's own jobs (its workers write with their own sources) and for owners
 *                 learnt from job-api
 * @param fromJobApi whether job-api (the system of record) said so, rather than the job's first event
 * @param ownJob   job-api created it (its first event came from job-api): its events may come only
 *                 from Stagewire's own services, as job-api requires too
 */
public record JobBinding(String owner, String producer, boolean fromJobApi, boolean ownJob) {
}
