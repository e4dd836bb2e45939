-- History that scales (issue 12): job_events is partitioned by job kind, then by when each event was
-- recorded (external jobs by day, Stagewire's own by month), so retention drops a whole partition
-- instead of deleting rows, and the indexes being written stay small and hot while the table grows to
-- 100 million rows. Partitions are created ahead and dropped by job-api (HistoryPartitions); the default
-- partitions are a safety net for a time no partition was created for.
--
-- A partitioned table's unique keys must hold its partition keys, so (source, id) is no longer a
-- unique key: job-api deduplicates against the history recorded within Kafka's retention, the only
-- time a record can be redelivered (JobEventHistory, docs/storage.md).
alter table job_events rename to job_events_v5;
alter table job_events_v5 rename constraint job_events_pkey to job_events_v5_pkey;
alter index job_events_by_position rename to job_events_v5_by_position;
alter index job_events_recorded_at rename to job_events_v5_recorded_at;

create table job_events (
    source          varchar(512) not null,
    id              varchar(256) not null,
    job_id          varchar(128) not null,
    user_id         varchar(256) not null,
    type            varchar(32)  not null,
    time            timestamptz  not null,
    kafka_partition integer,
    kafka_offset    bigint,
    data            jsonb        not null,
    recorded_at     timestamptz  not null default now(),
    external_job    boolean      not null
) partition by list (external_job);

create table job_events_external partition of job_events for values in (true) partition by range (recorded_at);
create table job_events_own partition of job_events for values in (false) partition by range (recorded_at);
create table job_events_external_default partition of job_events_external default;
create table job_events_own_default partition of job_events_own default;

-- An event by its CloudEvents identity: deduplication, and the position of an announced event.
create index job_events_by_key on job_events (source, id);
-- A job's page of history: an index range scan per partition of its kind.
create index job_events_by_position on job_events (job_id, kafka_partition, kafka_offset);
-- Only the default partitions are purged row by row; the others are dropped whole.
create index job_events_external_default_recorded_at on job_events_external_default (recorded_at);
create index job_events_own_default_recorded_at on job_events_own_default (recorded_at);

insert into job_events (source, id, job_id, user_id, type, time, kafka_partition, kafka_offset, data, recorded_at, external_job)
select e.source, e.id, e.job_id, e.user_id, e.type, e.time, e.kafka_partition, e.kafka_offset, e.data, e.recorded_at,
       j.kind = 'external'
  from job_events_v5 e join jobs j on j.id = e.job_id;

drop table job_events_v5;
-- A job's history goes with the job.
alter table job_events add constraint job_events_job_id_fkey foreign key (job_id) references jobs (id) on delete cascade;
