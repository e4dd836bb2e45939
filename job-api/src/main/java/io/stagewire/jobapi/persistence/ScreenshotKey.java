package io.stagewire.jobapi.persistence;

import java.io.Serializable;
import java.util.Objects;

/** Screenshot ids are made by whoever captured them, so they are unique within their job only. */
public class ScreenshotKey implements Serializable {
    public String jobId;
    public String screenshotId;

    public ScreenshotKey() {
    }

    public ScreenshotKey(String jobId, String screenshotId) {
        this.jobId = jobId;
        this.screenshotId = screenshotId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScreenshotKey k && Objects.equals(jobId, k.jobId) && Objects.equals(screenshotId, k.screenshotId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobId, screenshotId);
    }
}
