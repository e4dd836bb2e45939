-- History retention (issue 12): the purge finds old events by when they were recorded, without
-- reading the whole history.
create index job_events_recorded_at on job_events (recorded_at);
