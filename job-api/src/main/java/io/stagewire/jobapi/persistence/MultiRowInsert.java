package io.stagewire.jobapi.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Many rows with one statement per chunk ({@code insert ... values (...), (...)}) in the current
 * session's transaction: one round trip instead of one per row. Postgres takes at most 65535
 * parameters per statement, so rows go in chunks.
 *
 * @param head        {@code insert into t (a, b, c)}
 * @param placeholder one value's SQL with {@code ?} for its parameter, e.g. {@code ?} or
 *                    {@code cast(cast(? as text) as jsonb)}, one per column
 * @param tail        what follows the values, e.g. {@code on conflict do nothing}
 */
public record MultiRowInsert(String head, List<String> placeholder, String tail) {
    private static final int MAX_PARAMETERS = 30_000;

    /** Inserts every row ({@code values} gives a row's column values in order); the rows inserted. */
    public <T> Uni<Integer> insert(List<T> rows, Function<T, List<Object>> values) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int perStatement = Math.max(1, MAX_PARAMETERS / placeholder.size());
        return Multi.createFrom().range(0, (rows.size() + perStatement - 1) / perStatement)
                .onItem().transformToUniAndConcatenate(chunk -> {
                    List<T> part = rows.subList(chunk * perStatement, Math.min(rows.size(), (chunk + 1) * perStatement));
                    return Panache.getSession().chain(session -> {
                        var query = session.createNativeQuery(sql(part.size()));
                        int index = 1;
                        for (T row : part) {
                            for (Object value : values.apply(row)) {
                                query.setParameter(index++, value);
                            }
                        }
                        return query.executeUpdate();
                    });
                })
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    private String sql(int rows) {
        StringBuilder sql = new StringBuilder(head).append(" values ");
        int[] index = {1};
        sql.append(IntStream.range(0, rows).mapToObj(r -> placeholder.stream()
                        .map(p -> p.replace("?", "?" + index[0]++)).collect(Collectors.joining(", ", "(", ")")))
                .collect(Collectors.joining(", ")));
        return sql.append(' ').append(tail).toString();
    }
}
