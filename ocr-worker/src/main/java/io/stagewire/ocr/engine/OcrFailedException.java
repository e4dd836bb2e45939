package io.stagewire.ocr.engine;

/**
 * This one screenshot cannot be read. The message is the reason an {@code ocr:failed} event
 * carries; the engine that tried stays usable and the next item is unaffected.
 */
public class OcrFailedException extends RuntimeException {

    public OcrFailedException(String reason) {
        super(reason);
    }

    public OcrFailedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
