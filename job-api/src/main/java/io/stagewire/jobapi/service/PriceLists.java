package io.stagewire.jobapi.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stagewire.jobapi.persistence.PriceList;
import io.stagewire.jobapi.persistence.MultiRowInsert;
import io.stagewire.jobapi.persistence.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Stores parsed price lists: the rows for matching, the workbook as it came for reference. */
@ApplicationScoped
public class PriceLists {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    // 50 000 rows in a few statements: one insert per row took most of the upload's time.
    private static final MultiRowInsert ROWS = new MultiRowInsert(
            "insert into price_list_rows (price_list_id, article_number, sheet_row, name, price, ean)",
            List.of("?", "?", "?", "?", "?", "cast(? as varchar)"), "");

    @WithTransaction
    public Uni<PriceList> store(Caller caller, String name, String fileName, byte[] workbook, List<PriceListImport.Article> articles) {
        OffsetDateTime now = OffsetDateTime.now();
        StoredFile file = new StoredFile();
        file.id = UUID.randomUUID().toString();
        file.userId = caller.userId();
        file.kind = StoredFile.KIND_PRICE_LIST;
        file.contentType = XLSX;
        file.fileName = fileName;
        file.data = workbook;
        file.createdAt = now;
        PriceList list = new PriceList();
        list.id = UUID.randomUUID().toString();
        list.userId = caller.userId();
        list.name = name;
        list.fileId = file.id;
        list.rowCount = articles.size();
        list.createdAt = now;
        return file.persist().chain(list::persist)
                .call(Panache::flush)
                .chain(() -> ROWS.insert(articles, a -> Arrays.asList(list.id, a.articleNumber(), a.sheetRow(), a.name(), a.price(), a.ean())))
                .replaceWith(list);
    }

    /** The price list if the caller may see it (owner or admin); 404 otherwise, like a missing one. */
    @WithSession
    public Uni<PriceList> visible(Caller caller, String id) {
        return PriceList.<PriceList>findById(id).map(list -> {
            if (list == null || !caller.canSee(list.userId)) {
                throw ProblemException.notFound("price list", id);
            }
            return list;
        });
    }

    @WithSession
    public Uni<List<PriceList>> ownedBy(Caller caller) {
        return PriceList.list("userId = ?1 order by createdAt desc, id", caller.userId());
    }
}
