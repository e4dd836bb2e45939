package io.stagewire.jobapi.service;

import java.util.LinkedHashMap;
import java.util.Map;

/** How many of a job's items reached each outcome, counted from the item tables. */
public record ItemCounts(int screenshots, int ocrCompleted, int ocrFailed, int matched, int unmatched,
                         int labelsGenerated, int labelsFailed) {

    public static final ItemCounts NONE = new ItemCounts(0, 0, 0, 0, 0, 0, 0);

    public int ocrDone() {
        return ocrCompleted + ocrFailed;
    }

    public int matchDone() {
        return matched + unmatched;
    }

    public int labelsDone() {
        return labelsGenerated + labelsFailed;
    }

    /** The counters as the API and job:progress show them. */
    public Map<String, Integer> asMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("screenshots", screenshots);
        map.put("ocrCompleted", ocrCompleted);
        map.put("ocrFailed", ocrFailed);
        map.put("matched", matched);
        map.put("unmatched", unmatched);
        map.put("labelsGenerated", labelsGenerated);
        map.put("labelsFailed", labelsFailed);
        return map;
    }
}
