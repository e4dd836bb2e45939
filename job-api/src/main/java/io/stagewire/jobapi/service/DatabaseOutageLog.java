package io.stagewire.jobapi.service;

import io.smallrye.faulttolerance.api.BeforeRetryHandler;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.jboss.logging.Logger;

/** Says, before each retry, why work waits for Postgres: an operator sees an outage, not a silent stall. */
@Dependent
public class DatabaseOutageLog implements BeforeRetryHandler {
    private static final Logger LOG = Logger.getLogger(DatabaseOutageLog.class);

    @Override
    public void handle(ExecutionContext context) {
        LOG.warnf("%s waits for Postgres and is tried again: %s", context.getMethod().getName(), context.getFailure());
    }
}
