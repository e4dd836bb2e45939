package io.stagewire.gateway.fanout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Whether a viewer may subscribe to a channel; a grant may carry the job as job-api returned it, to serve as the snapshot. */
public sealed interface AccessVerdict {
    record Granted(Optional<ObjectNode> job) implements AccessVerdict {
    }

    record Denied(String reason) implements AccessVerdict {
    }
}
