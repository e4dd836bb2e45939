-- JobQuota counts a user's unfinished jobs at every job creation (docs/security.md): an index walk over the user's
-- jobs of those statuses, not over all of the user's jobs.
create index jobs_by_user_and_status on jobs (user_id, status);
