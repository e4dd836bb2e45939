package io.stagewire.jobapi.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stagewire.jobapi.persistence.LabelTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Label templates: the built-in ones plus each user's own. */
@ApplicationScoped
public class LabelTemplates {

    @WithSession
    public Uni<List<LabelTemplate>> visibleTo(Caller caller) {
        return LabelTemplate.visibleTo(caller.userId());
    }

    @WithSession
    public Uni<LabelTemplate> visible(Caller caller, String id) {
        return LabelTemplate.findVisible(id, caller.userId()).map(t -> {
            if (t == null) {
                throw ProblemException.notFound("label template", id);
            }
            return t;
        });
    }

    @WithTransaction
    public Uni<LabelTemplate> create(Caller caller, LabelTemplate template) {
        template.id = UUID.randomUUID().toString();
        template.userId = caller.userId();
        template.createdAt = OffsetDateTime.now();
        return template.persist();
    }
}
