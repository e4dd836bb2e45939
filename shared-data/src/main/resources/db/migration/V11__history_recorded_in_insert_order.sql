-- Events job-api announces before they are on job.events have no position yet: the history lists them after the
-- positioned ones, by recorded_at, then id. now() is the start of the transaction, the same for every event one
-- transaction announces (a job's last updates, progress and job:completed), so their random ids decided their order
-- — seen when a Kafka outage kept them unpositioned (InfrastructureOutageIT). clock_timestamp() is each row's own
-- insert. Only the default changes: no row is rewritten, existing and future partitions take it.
alter table job_events alter column recorded_at set default clock_timestamp();
