package io.stagewire.gateway.fanout;

/** A subscription could not be set up; the client gets an error frame with this code. */
public final class SetupFailure extends RuntimeException {
    private final ErrorCode code;

    public SetupFailure(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
