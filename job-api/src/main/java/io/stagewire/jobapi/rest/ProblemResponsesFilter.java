package io.stagewire.jobapi.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error responses of every operation once: any 4xx or 5xx is an RFC 9457 problem
 * (components/schemas/Problem); a 401 from the token check has no body.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return operation;
        }
        responses.addAPIResponse("401", OASFactory.createAPIResponse().description("No valid bearer token"));
        responses.addAPIResponse("4XX", problem("The request cannot be served; see detail and errors"));
        responses.addAPIResponse("5XX", problem("Internal error"));
        // Quarkus adds its own 403 for secured endpoints; there is nothing forbidden here, only not found.
        responses.removeAPIResponse("403");
        return operation;
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))));
    }
}
