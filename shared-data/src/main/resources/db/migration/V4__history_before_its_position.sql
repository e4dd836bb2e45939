-- Read-your-writes (issue 12): job-api records its own events in the history in the transaction that
-- decides them, before the outbox relay has put them on job.events. Such a row has no position yet;
-- the consumer fills it in when the event comes back from Kafka. Unique positions stay unique: Postgres
-- treats nulls in a unique index as distinct.
alter table job_events alter column kafka_partition drop not null;
alter table job_events alter column kafka_offset drop not null;
