-- The announcement tick (job-api's ScheduledAnnouncements, every second) reads only the jobs it may announce for.
-- Without these it read the whole jobs table each second for held-back progress (no index fits "not finished and
-- not external"), and every pending external job for the crawl queue (jobs_by_status): a cost growing with all jobs
-- ever recorded, not with the few that are running.
create index jobs_unfinished_own on jobs (id)
    where kind <> 'external' and status not in ('completed', 'failed', 'cancelled');
create index jobs_crawl_queue on jobs (created_at, id)
    where kind = 'crawl' and status = 'pending';
