-- job-api's schema. Versioned with Flyway: never edit a released migration, add the next one.
-- Ids are text: ours are UUIDs, other systems bring their own (job ids: 1-128 of A-Za-z0-9._:-).

-- Binary files: screenshots, label PNG/PDF, uploaded images and spreadsheets. A contract with the
-- workers, who insert into it directly (docs/storage.md). Size and checksum are computed by
-- Postgres from the bytes, so no writer can get them wrong.
create table files (
    id           varchar(128)  primary key,
    user_id      varchar(256)  not null,
    job_id       varchar(128),
    kind         varchar(32)   not null check (kind in ('screenshot', 'label-png', 'label-pdf', 'upload', 'price-list')),
    content_type varchar(255)  not null,
    file_name    varchar(255),
    data         bytea         not null,
    size_bytes   bigint        generated always as (octet_length(data)) stored,
    sha256       char(64)      generated always as (encode(sha256(data), 'hex')) stored,
    created_at   timestamptz   not null default now()
);
create index files_by_job on files (job_id);

create table label_templates (
    id             varchar(128) primary key,
    -- null: built in, visible to everyone
    user_id        varchar(256),
    name           varchar(200) not null,
    width_mm       integer      not null check (width_mm between 20 and 300),
    height_mm      integer      not null check (height_mm between 10 and 300),
    barcode_format varchar(16)  not null check (barcode_format in ('AUTO', 'EAN_13', 'CODE_128', 'NONE')),
    currency       char(3)      not null,
    font_size_pt   integer      not null check (font_size_pt between 6 and 72),
    created_at     timestamptz  not null default now()
);

create table price_lists (
    id         varchar(128) primary key,
    user_id    varchar(256) not null,
    name       varchar(255) not null,
    -- the uploaded workbook as it came, kind 'price-list'
    file_id    varchar(128) not null references files (id),
    row_count  integer      not null,
    created_at timestamptz  not null default now()
);
create index price_lists_by_user on price_lists (user_id, created_at desc);

create table price_list_rows (
    price_list_id  varchar(128)   not null references price_lists (id) on delete cascade,
    article_number varchar(128)   not null,
    -- row number in the sheet, 1-based as a spreadsheet program shows it
    sheet_row      integer        not null,
    name           varchar(1000)  not null,
    price          numeric(12, 2) not null check (price >= 0),
    ean            varchar(14),
    primary key (price_list_id, article_number)
);

create table jobs (
    id                  varchar(128)  primary key,
    user_id             varchar(256)  not null,
    kind                varchar(16)   not null check (kind in ('crawl', 'extraction', 'external')),
    status              varchar(32)   not null,
    stage               varchar(64)   not null,
    progress            numeric(5, 2) not null default 0 check (progress between 0 and 100),
    shop_url            varchar(2048),
    template_id         varchar(128)  references label_templates (id),
    price_list_id       varchar(128)  references price_lists (id),
    crawler_config      jsonb,
    -- items the job is expected to handle: maxProducts while crawling, the crawl's count once it
    -- is known, the number of images of an extraction
    expected_items      integer       not null default 0,
    -- a worker has reported on the job (crawl:started, or any item event)
    work_started        boolean       not null default false,
    -- expected_items is final: the crawl completed, or the job was an extraction from the start
    items_final         boolean       not null default false,
    -- items by outcome, as last counted: {"screenshots": 12, "ocrCompleted": 10, ...}
    counters            jsonb         not null default '{}',
    queue_position      integer,
    failure_reason      varchar(2000),
    summary             jsonb,
    -- milliseconds spent per status so far, e.g. {"crawling": 5120}
    stage_durations     jsonb         not null default '{}',
    status_since        timestamptz   not null,
    -- position on job.events of the last event applied
    last_partition      integer,
    last_offset         bigint,
    progress_emitted    numeric(5, 2),
    progress_emitted_at timestamptz,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    finished_at         timestamptz
);
create index jobs_by_user on jobs (user_id, created_at desc);
create index jobs_by_status on jobs (status, created_at);

-- Every event of every job, with where it sits on job.events. CloudEvents identify an event by
-- source and id, so a redelivery (same source, same id) is stored once.
create table job_events (
    source          varchar(512) not null,
    id              varchar(256) not null,
    job_id          varchar(128) not null references jobs (id) on delete cascade,
    user_id         varchar(256) not null,
    type            varchar(32)  not null,
    time            timestamptz  not null,
    kafka_partition integer      not null,
    kafka_offset    bigint       not null,
    data            jsonb        not null,
    recorded_at     timestamptz  not null default now(),
    primary key (source, id)
);
create unique index job_events_by_position on job_events (job_id, kafka_partition, kafka_offset);

create table screenshots (
    job_id       varchar(128)  not null references jobs (id) on delete cascade,
    id           varchar(128)  not null,
    file_id      varchar(128)  not null,
    product_url  varchar(2048),
    product_name varchar(1000),
    item_index   integer,
    width        integer,
    height       integer,
    captured_at  timestamptz   not null,
    primary key (job_id, id)
);

create table ocr_results (
    job_id         varchar(128)   not null references jobs (id) on delete cascade,
    screenshot_id  varchar(128)   not null,
    status         varchar(16)    not null check (status in ('completed', 'failed')),
    ocr_result_id  varchar(128),
    article_number varchar(128),
    name           varchar(1000),
    price          numeric(14, 4),
    currency       varchar(8),
    ean            varchar(32),
    confidence     jsonb,
    duration_ms    bigint,
    reason         varchar(2000),
    recorded_at    timestamptz    not null,
    primary key (job_id, screenshot_id)
);

create table matches (
    job_id             varchar(128)   not null references jobs (id) on delete cascade,
    screenshot_id      varchar(128)   not null,
    status             varchar(16)    not null check (status in ('matched', 'unmatched')),
    article_number     varchar(128),
    ocr_article_number varchar(128),
    matched_by         varchar(16),
    name               varchar(1000),
    list_price         numeric(14, 4),
    shop_price         numeric(14, 4),
    price_difference   numeric(14, 4),
    currency           varchar(8),
    ean                varchar(32),
    reason             varchar(2000),
    recorded_at        timestamptz    not null,
    primary key (job_id, screenshot_id)
);

create table labels (
    job_id         varchar(128)  not null references jobs (id) on delete cascade,
    -- the screenshot the label is for; the label id (or event id) when the worker names none
    item_key       varchar(128)  not null,
    status         varchar(16)   not null check (status in ('generated', 'failed')),
    label_id       varchar(128),
    screenshot_id  varchar(128),
    png_file_id    varchar(128),
    pdf_file_id    varchar(128),
    article_number varchar(128),
    barcode_format varchar(16),
    reason         varchar(2000),
    recorded_at    timestamptz   not null,
    primary key (job_id, item_key)
);

-- Transactional outbox: Kafka records written in the same transaction as the state they
-- announce, relayed in id order by OutboxRelay and marked sent once the broker acknowledged.
create table outbox (
    id         bigserial    primary key,
    topic      varchar(255) not null,
    record_key varchar(256),
    headers    jsonb        not null default '{}',
    payload    bytea        not null,
    created_at timestamptz  not null default now(),
    sent_at    timestamptz
);
create index outbox_unsent on outbox (id) where sent_at is null;
