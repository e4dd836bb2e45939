package io.stagewire.jobapi.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.stagewire.jobapi.service.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
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
        return respond(new Problem(e.type(), e.title(), e.status(), e.getMessage(), path(uri), e.errors()));
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

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "malformed-body", "Malformed request body", 400,
                e.getOriginalMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
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
        List<Problem.FieldError> errors = violations.stream()
                .map(v -> Problem.FieldError.field(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        ProblemException invalid = ProblemException.invalid(errors);
        return problem(invalid, uri);
    }

    /** "create.request.crawlerConfig.maxProducts" becomes "crawlerConfig.maxProducts": the method and parameter are noise to clients. */
    private static String fieldOf(Path path) {
        List<String> names = StreamSupport.stream(path.spliterator(), false).map(Path.Node::getName).toList();
        return String.join(".", names.subList(Math.min(2, names.size() - 1), names.size()));
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
