package io.stagewire.ocr.pipeline;

import io.stagewire.data.files.FileStore;
import io.stagewire.data.files.OwnedFile;
import io.stagewire.ocr.config.OcrWorkerConfig;
import io.stagewire.ocr.engine.OcrFailedException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The screenshot an OcrRequest names, read only when it belongs to the job's owner and is no larger than
 * {@code stagewire.ocr.max-screenshot-bytes}.
 */
@ApplicationScoped
public class ScreenshotReader {

    private final FileStore files;
    private final long maxBytes;

    ScreenshotReader(FileStore files, OcrWorkerConfig config) {
        this.files = files;
        this.maxBytes = config.maxScreenshotBytes().asLongValue();
    }

    /**
     * @throws OcrFailedException when there is no such file of {@code ownerId}'s (another user's file is not told
     *         apart from none), or it is too large
     */
    public byte[] read(String fileId, String ownerId) {
        return switch (files.readOwned(fileId, ownerId, maxBytes)) {
            case OwnedFile.Found found -> found.data();
            // The crawler and job-api store the file before they ask, so a missing one is not coming.
            case OwnedFile.Missing missing -> throw new OcrFailedException("no screenshot file " + fileId + " of the job's owner");
            case OwnedFile.TooLarge tooLarge -> throw new OcrFailedException("the screenshot file " + fileId + " has "
                    + tooLarge.sizeBytes() + " bytes, more than the limit of " + maxBytes);
        };
    }
}
