-- An external job is bound to the producer (CloudEvents source) of the first event job-api saw
-- for it; events of that job from any other source are dead-lettered (docs/lifecycle.md).
alter table jobs add column source varchar(512);
update jobs j set source = (select e.source from job_events e where e.job_id = j.id
                            order by e.kafka_partition, e.kafka_offset limit 1)
 where j.kind = 'external';
