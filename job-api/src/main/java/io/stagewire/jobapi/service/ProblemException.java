package io.stagewire.jobapi.service;

import java.util.List;

/**
 * A request that cannot be served, with what the client needs to know; it becomes an RFC 9457
 * response. No stack trace: it is an answer, not a fault.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final transient List<FieldError> errors;
    private final Integer retryAfterSeconds;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        this(status, type, title, detail, errors, null);
    }

    private ProblemException(int status, String type, String title, String detail, List<FieldError> errors, Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Also for what exists but belongs to someone else: ids must not leak. */
    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", "Not found", "no " + what + " '" + id + "'", null);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "validation", "Invalid request",
                errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid", errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(FieldError.field(field, message)));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict with the job's state", detail, null);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "too-large", "Upload too large", detail, null);
    }

    public static ProblemException unsupported(String detail) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported file type", detail, null);
    }

    public static ProblemException unprocessable(String detail, List<FieldError> errors) {
        return new ProblemException(422, "invalid-spreadsheet", "The spreadsheet cannot be used", detail, errors);
    }

    /** 429: the caller asks for more than its share; it may ask again after {@code retryAfterSeconds}. */
    public static ProblemException tooMany(String type, String title, String detail, int retryAfterSeconds) {
        return new ProblemException(429, type, title, detail, null, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    /** The kind of problem, e.g. {@code not-found}; the response names it as a URI under the problem base. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Seconds for the Retry-After header, or null when there is none. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
