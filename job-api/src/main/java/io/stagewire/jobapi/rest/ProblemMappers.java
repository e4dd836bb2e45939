package io.stagewire.jobapi.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.stagewire.jobapi.service.FieldError;
import io.stagewire.jobapi.service.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error as application/problem+json, with the same fields whatever went wrong. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(new Problem(Problem.TYPE_BASE + e.type(), e.title(), e.status(), e.getMessage(), path(uri), e.errors()));
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().putSingle("Retry-After", e.retryAfterSeconds());
        }
        return response;
    }

    @ServerExceptionMapper
    public Response violations(ResteasyReactiveViolationException e, UriInfo uri) {
        return violations(e.getConstraintViolations(), uri);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        return violations(e.getConstraintViolations(), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(MismatchedInputException e, UriInfo uri) {
        return badJson(e, uri);
    }

    /** What is wrong, where (line and column) and in which field, e.g. "... at crawlerConfig.maxProducts (line 1, column 95)". */
    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? fieldOf(mapping.getPath()) : "";
        JsonLocation at = e.getLocation();
        String detail = e.getOriginalMessage().lines().findFirst().orElse("unreadable JSON")
                + (field.isEmpty() ? "" : " at " + field)
                + (at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        return respond(new Problem(Problem.TYPE_BASE + "malformed-body", "Malformed request body", 400,
                detail, path(uri), field.isEmpty() ? null : List.of(FieldError.field(field, detail))));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        // The JSON reader reports unreadable bodies as a bare 400 with the parser's exception as cause.
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(new Problem(Problem.TYPE_BASE + slug(status), status.getReasonPhrase(), status.getStatusCode(),
                e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "unexpected failure on %s", path(uri));
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "the request could not be completed; it was logged", path(uri), null));
    }

    private Response violations(Set<ConstraintViolation<?>> violations, UriInfo uri) {
        List<FieldError> errors = violations.stream()
                .map(v -> isMissingBody(v) ? FieldError.field("body", "a JSON body is required")
                        : FieldError.field(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        ProblemException invalid = ProblemException.invalid(errors);
        return problem(invalid, uri);
    }

    /** Query parameters are read by hand (WholeNumberParam), so a null method parameter is a missing body. */
    private static boolean isMissingBody(ConstraintViolation<?> v) {
        List<Path.Node> nodes = StreamSupport.stream(v.getPropertyPath().spliterator(), false).toList();
        return nodes.size() == 2 && nodes.get(1).getKind() == ElementKind.PARAMETER && v.getInvalidValue() == null;
    }

    /** "create.request.crawlerConfig.maxProducts" becomes "crawlerConfig.maxProducts": the method and parameter are noise to clients. */
    private static String fieldOf(Path path) {
        List<String> names = StreamSupport.stream(path.spliterator(), false).map(Path.Node::getName).toList();
        return String.join(".", names.subList(Math.min(2, names.size() - 1), names.size()));
    }

    private static String fieldOf(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String slug(Response.StatusType status) {
        return status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
