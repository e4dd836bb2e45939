package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The typed {@code data} of a stage event: one record per event type, shared by every producer and consumer in
 * place of string keys. Each record has exactly the fields its JSON Schema lists (EventDataSchemaTest keeps them
 * from drifting); fields the schema does not list, which other systems may send, are kept in {@code extra} and
 * written back as they came.
 */
public sealed interface EventData permits CrawlCompleted, CrawlFailed, CrawlStarted, JobCancelled, JobCompleted, JobCreated, JobFailed, JobProgress, JobUpdated, LabelFailed, LabelGenerated, MatchFailed, MatchFound, OcrCompleted, OcrFailed, OcrProgress, OcrStarted, QueuePosition, ScreenshotCaptured, SystemNotification {

    @JsonIgnore
    EventType type();

    /** Fields the schema does not list, by name. */
    Map<String, JsonNode> extra();

    /** The data as the JSON object an event carries. */
    default ObjectNode toJson() {
        return StageEventJson.mapper().valueToTree(this);
    }

    /** An event with this data. */
    default StageEvent toEvent(String id, String source, String jobId, String userId, OffsetDateTime time) {
        return new StageEvent(id, type(), source, jobId, userId, time, toJson());
    }

    /** The record class of a type's data. */
    static Class<? extends EventData> classOf(EventType type) {
        return switch (type) {
            case CRAWL_COMPLETED -> CrawlCompleted.class;
            case CRAWL_FAILED -> CrawlFailed.class;
            case CRAWL_STARTED -> CrawlStarted.class;
            case JOB_CANCELLED -> JobCancelled.class;
            case JOB_COMPLETED -> JobCompleted.class;
            case JOB_CREATED -> JobCreated.class;
            case JOB_FAILED -> JobFailed.class;
            case JOB_PROGRESS -> JobProgress.class;
            case JOB_UPDATED -> JobUpdated.class;
            case LABEL_FAILED -> LabelFailed.class;
            case LABEL_GENERATED -> LabelGenerated.class;
            case MATCH_FAILED -> MatchFailed.class;
            case MATCH_FOUND -> MatchFound.class;
            case OCR_COMPLETED -> OcrCompleted.class;
            case OCR_FAILED -> OcrFailed.class;
            case OCR_PROGRESS -> OcrProgress.class;
            case OCR_STARTED -> OcrStarted.class;
            case QUEUE_POSITION -> QueuePosition.class;
            case SCREENSHOT_CAPTURED -> ScreenshotCaptured.class;
            case SYSTEM_NOTIFICATION -> SystemNotification.class;
        };
    }

    /** The event's data, typed. @throws IllegalArgumentException when it does not fit its type's record */
    static EventData of(StageEvent event) {
        return as(event, classOf(event.type()));
    }

    /** The event's data as {@code type}. @throws IllegalArgumentException when the event is of another type */
    static <T extends EventData> T as(StageEvent event, Class<T> type) {
        try {
            T data = StageEventJson.mapper().treeToValue(event.data(), type);
            if (data.type() != event.type()) {
                throw new IllegalArgumentException(event.type() + " has no " + type.getSimpleName() + " data");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the data of " + event.type() + " " + event.id() + " does not fit "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** An unmodifiable copy, in order; none is empty. */
    static Map<String, JsonNode> copyOf(Map<String, JsonNode> extra) {
        return extra == null || extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
}
