package io.stagewire.gateway.websocket;

/** WebSocket close codes of the protocol (docs/protocol.md). */
public final class CloseCodes {
    /** The access token expired; connect again with a fresh one and resume. */
    public static final int TOKEN_EXPIRED = 4001;
    /** The client did not read fast enough; connect again and resume from the last position. */
    public static final int SLOW_CONSUMER = 4008;
    /** The user already holds the most WebSockets allowed (a race past the upgrade's 429). */
    public static final int TOO_MANY_CONNECTIONS = 4029;
    /** The gateway is stopping (SIGTERM) after writing what was queued: reconnect (to any replica) and resume. */
    public static final int RESTARTING = 1012;
    /** The gateway could not write to the connection (RFC 6455 "internal error"): reconnect and resume. */
    public static final int WRITE_FAILED = 1011;
    /** A frame over the size limit (RFC 6455 "message too big"). */
    public static final int TOO_BIG = 1009;

    private CloseCodes() {
    }
}
