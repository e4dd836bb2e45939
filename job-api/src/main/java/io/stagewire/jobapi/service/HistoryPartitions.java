package io.stagewire.jobapi.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The time partitions of {@code job_events} (V6), by when an event was recorded: external jobs' events
 * by UTC day, Stagewire's own by UTC month. Partitions are created ahead of time; one that has aged past
 * retention is dropped whole. Events recorded when no partition existed (maintenance could not run)
 * wait in their kind's default partition; when their partition is created, they move into it in the
 * same transaction, so nothing is lost or doubled.
 * DDL waits at most {@link #LOCK_TIMEOUT} for ingestion's locks, then gives up until the next run.
 */
@ApplicationScoped
public class HistoryPartitions {
    static final String LOCK_TIMEOUT = "5s";
    private static final String COLUMNS = "source, id, job_id, user_id, type, time, kafka_partition, kafka_offset, data, recorded_at, external_job";

    /** One kind's partitioned sub-table and how it is cut. */
    public enum Kind {
        EXTERNAL("job_events_external", true),
        OWN("job_events_own", false);

        final String table;
        /** By day (external) or by month (own). */
        final boolean daily;

        Kind(String table, boolean daily) {
            this.table = table;
            this.daily = daily;
        }

        LocalDate startOf(LocalDate day) {
            return daily ? day : day.withDayOfMonth(1);
        }

        LocalDate next(LocalDate start) {
            return daily ? start.plusDays(1) : start.plusMonths(1);
        }

        String nameOf(LocalDate start) {
            return table + "_p" + start.format(daily ? DateTimeFormatter.BASIC_ISO_DATE : DateTimeFormatter.ofPattern("yyyyMM"));
        }

        Optional<LocalDate> startOf(String partition) {
            String prefix = table + "_p";
            if (!partition.startsWith(prefix)) {
                return Optional.empty(); // the default partition
            }
            String suffix = partition.substring(prefix.length());
            return Optional.of(daily ? LocalDate.parse(suffix, DateTimeFormatter.BASIC_ISO_DATE)
                    : LocalDate.parse(suffix + "01", DateTimeFormatter.BASIC_ISO_DATE));
        }

        String defaultPartition() {
            return table + "_default";
        }
    }

    private final Mutiny.SessionFactory sessions;

    HistoryPartitions(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Creates the partitions for {@code now}'s period and the next ones (two days, one month) that are missing. */
    public Uni<Void> createAhead(OffsetDateTime now) {
        LocalDate today = now.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        return Multi.createFrom().items(Kind.values())
                .onItem().transformToUniAndConcatenate(kind -> {
                    LocalDate first = kind.startOf(today);
                    List<LocalDate> wanted = kind.daily ? List.of(first, kind.next(first), kind.next(kind.next(first)))
                            : List.of(first, kind.next(first));
                    return starts(kind).chain(existing -> Multi.createFrom().iterable(wanted)
                            .filter(start -> !existing.contains(start))
                            .onItem().transformToUniAndConcatenate(start -> create(kind, start))
                            .collect().last());
                })
                .collect().last().replaceWithVoid();
    }

    /** The starts of {@code kind}'s time partitions, oldest first. */
    public Uni<TreeSet<LocalDate>> starts(Kind kind) {
        return sessions.withSession(session -> session.createNativeQuery("""
                        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                         where i.inhparent = cast(:parent as regclass)""", String.class)
                .setParameter("parent", kind.table).getResultList())
                .map(names -> {
                    TreeSet<LocalDate> starts = new TreeSet<>();
                    names.forEach(name -> kind.startOf(name).ifPresent(starts::add));
                    return starts;
                });
    }

    /**
     * Creates {@code kind}'s partition that starts at {@code start}, with the events the default partition
     * holds for it: attaching a range the default partition has rows for would fail.
     */
    public Uni<Void> create(Kind kind, LocalDate start) {
        String name = kind.nameOf(start);
        String from = literal(start), to = literal(kind.next(start));
        return sessions.withTransaction(session -> lockTimeout(session)
                // Replicas of job-api maintain the same partitions: one at a time, and what exists is left alone.
                .chain(() -> session.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext('job_events partitions'))")
                        .getSingleResult())
                .chain(() -> session.createNativeQuery("select to_regclass(:name) is null", Boolean.class).setParameter("name", name)
                        .getSingleResult())
                .chain(missing -> !missing ? Uni.createFrom().voidItem() : session
                        .createNativeQuery("create table " + name + " (like " + kind.table + " including defaults)").executeUpdate()
                        .chain(() -> session.createNativeQuery("with moved as (delete from " + kind.defaultPartition()
                                + " where recorded_at >= " + from + " and recorded_at < " + to + " returning " + COLUMNS + ")"
                                + " insert into " + name + " (" + COLUMNS + ") select " + COLUMNS + " from moved").executeUpdate())
                        .chain(() -> session.createNativeQuery("alter table " + kind.table + " attach partition " + name
                                + " for values from (" + from + ") to (" + to + ")").executeUpdate())
                        .replaceWithVoid()));
    }

    /** Drops {@code kind}'s partitions that end at or before {@code before}; how many were dropped. */
    public Uni<Integer> dropEndingBefore(Kind kind, OffsetDateTime before) {
        LocalDate cut = before.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        return starts(kind).chain(starts -> {
            List<LocalDate> expired = starts.stream().filter(start -> !kind.next(start).isAfter(cut)).toList();
            return Multi.createFrom().iterable(expired)
                    .onItem().transformToUniAndConcatenate(start -> sessions.withTransaction(session -> lockTimeout(session)
                            .chain(() -> session.createNativeQuery("drop table if exists " + kind.nameOf(start)).executeUpdate())))
                    .collect().asList().map(List::size);
        });
    }

    private static Uni<Object> lockTimeout(Mutiny.Session session) {
        return session.createNativeQuery("select set_config('lock_timeout', '" + LOCK_TIMEOUT + "', true)").getSingleResult();
    }

    /** A partition bound: midnight UTC of the day, as an SQL literal (DDL takes no parameters). */
    private static String literal(LocalDate day) {
        return "'" + day + " 00:00:00+00'";
    }
}
