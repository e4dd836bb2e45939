package io.stagewire.labelworker.service;

/** A label cannot be rendered from its data; the message is the reason for {@code label:failed}. */
public class LabelRenderingException extends RuntimeException {

    public LabelRenderingException(String message) {
        super(message);
    }

    public LabelRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
