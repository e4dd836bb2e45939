package io.stagewire.jobapi.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.stagewire.jobapi.persistence.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;

/** Files in Postgres, for their owner (or an admin) only. */
@ApplicationScoped
public class Files {

    /** What a download needs to know before the bytes: a conditional request may not need them at all. */
    public record FileInfo(String id, String userId, String contentType, String fileName, Long sizeBytes, String sha256) {
    }

    @WithSession
    public Uni<FileInfo> info(Caller caller, String id) {
        return StoredFile.find("id", id).project(FileInfo.class).<FileInfo>firstResult().map(info -> {
            if (info == null || !caller.canSee(info.userId())) {
                throw ProblemException.notFound("file", id);
            }
            return info;
        });
    }

    /**
     * The bytes if the caller may see the file, null otherwise (or when missing): for files named
     * by rows that events wrote, which may name anyone's file id.
     */
    @WithSession
    public Uni<byte[]> bytesVisibleTo(Caller caller, String id) {
        return StoredFile.<StoredFile>findById(id).map(file -> file == null || !caller.canSee(file.userId) ? null : file.data);
    }

    @WithSession
    public Uni<byte[]> bytes(String id) {
        return StoredFile.<StoredFile>findById(id).map(file -> file.data);
    }
}
