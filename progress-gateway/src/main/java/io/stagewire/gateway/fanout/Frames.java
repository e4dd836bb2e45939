package io.stagewire.gateway.fanout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagewire.events.EventPosition;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import java.time.format.DateTimeFormatter;

/** Builds the frames of docs/protocol.md. */
public final class Frames {
    private static final Frame PONG = Frame.control("{\"type\":\"pong\"}", "pong", null);

    private Frames() {
    }

    /** An event on a channel; {@code position} is "partition-offset" on job channels, a vector on user channels. */
    public static Frame event(Channel channel, StageEvent event, int partition, long offset, String position) {
        ObjectNode node = StageEventJson.object();
        node.put("type", event.type().wireName());
        node.put("channel", channel.name());
        node.put("jobId", event.jobId());
        node.put("id", event.id());
        node.put("position", position);
        node.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.time()));
        node.set("data", event.data());
        String coalesceKey = event.type() == EventType.JOB_PROGRESS ? channel.name() + '\n' + event.jobId() : null;
        return new Frame(writeBytes(node), event.type().wireName(), position, partition, offset, coalesceKey,
                event.time().toInstant().toEpochMilli());
    }

    /**
     * An event from job-api's history (for positions Kafka no longer holds); job-api's
     * items carry the same fields as the stage event.
     */
    public static Frame historyEvent(Channel channel, JsonNode item, Positions positions) {
        EventPosition position = EventPosition.parse(item.path("position").asText(null))
                .orElseThrow(() -> new IllegalArgumentException("history item without a position"));
        ObjectNode node = StageEventJson.object();
        String type = item.path("type").asText();
        node.put("type", type);
        node.put("channel", channel.name());
        node.put("jobId", item.path("jobId").asText());
        node.put("id", item.path("id").asText());
        node.put("position", positions.job(position));
        node.set("time", item.path("time"));
        node.set("data", item.path("data"));
        return new Frame(writeBytes(node), type, positions.job(position), position.partition(), position.offset(), null, 0);
    }

    public static Frame subscribed(Channel channel, String position, boolean recovered) {
        ObjectNode node = StageEventJson.object();
        node.put("type", "subscribed");
        node.put("channel", channel.name());
        node.put("position", position);
        node.put("recovered", recovered);
        return Frame.control(write(node), "subscribed", position);
    }

    public static Frame snapshot(Channel channel, String position, JsonNode data) {
        ObjectNode node = StageEventJson.object();
        node.put("type", "snapshot");
        node.put("channel", channel.name());
        node.put("position", position);
        node.set("data", data);
        return Frame.control(write(node), "snapshot", position);
    }

    public static Frame unsubscribed(String channel) {
        ObjectNode node = StageEventJson.object();
        node.put("type", "unsubscribed");
        node.put("channel", channel);
        return Frame.control(write(node), "unsubscribed", null);
    }

    public static Frame error(ErrorCode code, String message, String op, String channel) {
        ObjectNode node = StageEventJson.object();
        node.put("type", "error");
        node.put("code", code.wireName());
        node.put("message", message);
        if (op != null) {
            node.put("op", op);
        }
        if (channel != null) {
            node.put("channel", channel);
        }
        return Frame.control(write(node), "error", null);
    }

    public static Frame pong() {
        return PONG;
    }

    /** Event frames go straight to UTF-8: they are written as bytes to every subscriber. */
    private static byte[] writeBytes(ObjectNode node) {
        try {
            return StageEventJson.mapper().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a frame cannot be serialised", e);
        }
    }

    private static String write(ObjectNode node) {
        try {
            return StageEventJson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a frame cannot be serialised", e);
        }
    }
}
