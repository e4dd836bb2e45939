package io.stagewire.jobapi.rest;

import io.smallrye.mutiny.Uni;
import io.stagewire.jobapi.service.ProblemException;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Multipart uploads, which Quarkus has written to temporary files: size checks and a non-blocking read. */
@ApplicationScoped
public class Uploads {
    private final Vertx vertx;

    Uploads(Vertx vertx) {
        this.vertx = vertx;
    }

    /** The bytes of {@code upload} (form field {@code field}), refused with 413 when over {@code maxBytes}. */
    public Uni<byte[]> read(FileUpload upload, String field, long maxBytes) {
        // The file name is stored (files.file_name, varchar(255)): refuse what Postgres would.
        String fileName = upload.fileName();
        if (fileName != null && fileName.indexOf('\0') >= 0) {
            return Uni.createFrom().failure(ProblemException.invalid(field, "the file name contains a NUL character"));
        }
        if (fileName != null && fileName.length() > 255) {
            return Uni.createFrom().failure(ProblemException.invalid(field, "the file name is longer than 255 characters"));
        }
        if (upload.size() > maxBytes) {
            return Uni.createFrom().failure(ProblemException.tooLarge("'" + displayName(upload, field) + "' is "
                    + upload.size() + " bytes, the limit is " + maxBytes));
        }
        return vertx.fileSystem().readFile(upload.uploadedFile().toString()).map(Buffer::getBytes);
    }

    /** Runs CPU-heavy work (parsing a workbook) off the event loop and comes back to it. */
    public <T> Uni<T> offEventLoop(Supplier<T> work) {
        return vertx.executeBlocking(Uni.createFrom().item(work));
    }

    static String displayName(FileUpload upload, String field) {
        return upload.fileName() == null || upload.fileName().isBlank() ? field : upload.fileName();
    }
}
