package io.stagewire.gateway.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.StageEventJson;
import io.stagewire.gateway.fanout.ErrorCode;

/** One client frame, parsed: {@code subscribe}, {@code unsubscribe} or {@code ping}, or why it is none. */
sealed interface ClientOp {

    record Subscribe(String channel, String since, boolean conflate) implements ClientOp {
    }

    record Unsubscribe(String channel) implements ClientOp {
    }

    record Ping() implements ClientOp {
    }

    /** Not a valid operation; {@code op} is the op the client named, if any. */
    record Invalid(ErrorCode code, String message, String op) implements ClientOp {
    }

    static ClientOp parse(String text) {
        JsonNode node;
        try {
            node = StageEventJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return new Invalid(ErrorCode.BAD_REQUEST, "malformed JSON: " + e.getOriginalMessage(), null);
        }
        if (node == null || !node.isObject()) {
            return new Invalid(ErrorCode.BAD_REQUEST, "a frame must be a JSON object", null);
        }
        JsonNode op = node.get("op");
        if (op == null || !op.isTextual()) {
            return new Invalid(ErrorCode.BAD_REQUEST, "missing \"op\" (subscribe, unsubscribe or ping)", null);
        }
        return switch (op.asText()) {
            case "subscribe" -> {
                JsonNode since = node.get("since");
                if (since != null && !since.isNull() && !since.isTextual()) {
                    yield new Invalid(ErrorCode.BAD_REQUEST, "\"since\" must be a position string", "subscribe");
                }
                JsonNode conflate = node.get("conflate");
                if (conflate != null && !conflate.isNull() && !conflate.isBoolean()) {
                    yield new Invalid(ErrorCode.BAD_REQUEST, "\"conflate\" must be true or false", "subscribe");
                }
                boolean conflating = conflate != null && conflate.asBoolean();
                yield channelOf(node, "subscribe", channel -> new Subscribe(channel,
                        since == null || since.isNull() ? null : since.asText(), conflating));
            }
            case "unsubscribe" -> channelOf(node, "unsubscribe", Unsubscribe::new);
            case "ping" -> new Ping();
            default -> new Invalid(ErrorCode.BAD_REQUEST, "unknown op '" + abbreviate(op.asText()) + "'", abbreviate(op.asText()));
        };
    }

    private static ClientOp channelOf(JsonNode node, String op, java.util.function.Function<String, ClientOp> make) {
        JsonNode channel = node.get("channel");
        if (channel == null || !channel.isTextual()) {
            return new Invalid(ErrorCode.BAD_REQUEST, "missing \"channel\"", op);
        }
        return make.apply(channel.asText());
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
