package io.stagewire.jobapi.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts a job's items by outcome; counting (rather than incrementing) keeps redeliveries harmless. */
@ApplicationScoped
public class ItemCounter {
    private static final String COUNTS = """
            select (select count(*) from screenshots where job_id = :job),
                   (select count(*) from ocr_results where job_id = :job and status = 'completed'),
                   (select count(*) from ocr_results where job_id = :job and status = 'failed'),
                   (select count(*) from matches where job_id = :job and status = 'matched'),
                   (select count(*) from matches where job_id = :job and status = 'unmatched'),
                   (select count(*) from labels where job_id = :job and status = 'generated'),
                   (select count(*) from labels where job_id = :job and status = 'failed')
            """;

    public Uni<ItemCounts> count(String jobId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(COUNTS, Object[].class).setParameter("job", jobId).getSingleResult())
                .map(row -> new ItemCounts(i(row[0]), i(row[1]), i(row[2]), i(row[3]), i(row[4]), i(row[5]), i(row[6])));
    }

    private static int i(Object count) {
        return ((Number) count).intValue();
    }
}
