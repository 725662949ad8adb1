package dev.zocket.protocol;

import dev.zocket.ErrorCode;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonPatch;
import dev.zocket.json.JsonPatchException;
import dev.zocket.json.PatchOperation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes protocol messages to JSON and reads JSON frames into typed messages.
 *
 * <p>Reading never throws on bad input: it returns {@link ParseResult.Malformed} with a reason
 * precise enough to send back to the peer ({@code Field "actorId" must be a string}). Duplicate
 * object members are rejected, so every reader of a frame sees the same message.
 *
 * <p>Encoding writes members in the order the Zocket documentation shows them and omits absent
 * optional members (a void result has no {@code result}). Payloads that are lazy nodes
 * ({@link JsonCodec#lazy}) are serialized straight into the output.
 *
 * <p>Thread-safe.
 */
public final class ProtocolCodec {

    private static final ProtocolCodec STANDARD = new ProtocolCodec(JsonCodec.standard());
    private static final int MAX_ECHOED_CHARS = 64;

    private final JsonMapper mapper;
    private final ObjectReader frameReader;

    public ProtocolCodec(JsonCodec json) {
        this.mapper = Objects.requireNonNull(json, "json").mapper();
        this.frameReader = mapper.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /** The codec over {@link JsonCodec#standard()}. */
    public static ProtocolCodec standard() {
        return STANDARD;
    }

    /** Encodes a message as UTF-8 JSON. */
    public byte[] encode(Message message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator generator = mapper.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringProperty("type", message.type().wireName());
            writeFields(message, generator);
            generator.writeEndObject();
        }
        return out.toByteArray();
    }

    /** Encodes a message as JSON text. */
    public String encodeToString(Message message) {
        return new String(encode(message), StandardCharsets.UTF_8);
    }

    private static void writeFields(Message message, JsonGenerator out) {
        if (message instanceof RpcCall m) {
            out.writeStringProperty("id", m.id());
            writeAddress(out, m.actor(), m.actorId());
            out.writeStringProperty("method", m.method());
            writeTreeProperty(out, "input", m.input());
            if (m.idempotencyKey() != null) {
                out.writeStringProperty("idempotencyKey", m.idempotencyKey());
            }
            writeNumber(out, "baseVersion", m.baseVersion());
        } else if (message instanceof EventSub m) {
            writeAddress(out, m.actor(), m.actorId());
        } else if (message instanceof EventUnsub m) {
            writeAddress(out, m.actor(), m.actorId());
        } else if (message instanceof StateSub m) {
            writeAddress(out, m.actor(), m.actorId());
            writeNumber(out, "since", m.since());
        } else if (message instanceof StateUnsub m) {
            writeAddress(out, m.actor(), m.actorId());
        } else if (message instanceof Welcome m) {
            out.writeStringProperty("clientId", m.clientId());
        } else if (message instanceof RpcResult m) {
            out.writeStringProperty("id", m.id());
            writeTreeProperty(out, "result", m.result());
            if (m.isError()) {
                out.writeStringProperty("error", m.error());
                if (m.code() != null) {
                    out.writeStringProperty("code", m.code().wireName());
                }
            }
            if (m.replayed()) {
                out.writeBooleanProperty("replayed", true);
            }
            writeVersion(out, m.version());
        } else if (message instanceof EventMessage m) {
            writeAddress(out, m.actor(), m.actorId());
            out.writeStringProperty("event", m.event());
            writeTreeProperty(out, "payload", m.payload());
        } else if (message instanceof StateSnapshot m) {
            writeAddress(out, m.actor(), m.actorId());
            writeTreeProperty(out, "state", m.state());
            writeVersion(out, m.version());
        } else if (message instanceof StatePatch m) {
            writeAddress(out, m.actor(), m.actorId());
            out.writeName("patches");
            writePatches(out, m.patches());
            writeVersion(out, m.version());
        } else if (message instanceof ProtocolError m) {
            out.writeStringProperty("code", m.code().wireName());
            out.writeStringProperty("message", m.message());
            if (m.request() != null) {
                out.writeStringProperty("request", m.request().wireName());
            }
            if (m.actor() != null) {
                out.writeStringProperty("actor", m.actor());
            }
            if (m.actorId() != null) {
                out.writeStringProperty("actorId", m.actorId());
            }
        } else {
            throw new AssertionError("Unhandled message type " + message.getClass());
        }
    }

    private static void writeAddress(JsonGenerator out, String actor, String actorId) {
        out.writeStringProperty("actor", actor);
        out.writeStringProperty("actorId", actorId);
    }

    private static void writeTreeProperty(JsonGenerator out, String name, JsonNode value) {
        if (value != null) {
            out.writeName(name);
            out.writeTree(value);
        }
    }

    private static void writeVersion(JsonGenerator out, OptionalLong version) {
        writeNumber(out, "version", version);
    }

    private static void writeNumber(JsonGenerator out, String name, OptionalLong value) {
        if (value.isPresent()) {
            out.writeNumberProperty(name, value.getAsLong());
        }
    }

    private static void writePatches(JsonGenerator out, List<PatchOperation> patches) {
        out.writeStartArray();
        for (PatchOperation operation : patches) {
            out.writeStartObject();
            out.writeStringProperty("op", operation.op().wireName());
            if (operation.from() != null) {
                out.writeStringProperty("from", operation.from());
            }
            out.writeStringProperty("path", operation.path());
            writeTreeProperty(out, "value", operation.value());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    /** Reads a frame a client sent. */
    public ParseResult<ClientMessage> parseClientMessage(String text) {
        return parse(text, ProtocolCodec::readClientMessage);
    }

    /** Reads a frame a server sent. */
    public ParseResult<ServerMessage> parseServerMessage(String text) {
        return parse(text, ProtocolCodec::readServerMessage);
    }

    private interface MessageReader<M extends Message> {
        M read(MessageType type, Fields fields);
    }

    private <M extends Message> ParseResult<M> parse(String text, MessageReader<M> reader) {
        JsonNode root;
        try {
            root = frameReader.readTree(text);
        } catch (JacksonException e) {
            return new ParseResult.Malformed<>("Message is not valid JSON: " + firstLine(e.getOriginalMessage()), Optional.empty());
        }
        if (root == null || !root.isObject()) {
            return new ParseResult.Malformed<>("Message must be a JSON object", Optional.empty());
        }
        Fields fields = new Fields(root);
        try {
            JsonNode typeNode = root.get("type");
            if (typeNode == null) {
                throw new Malformed("Message has no \"type\" field");
            }
            if (!typeNode.isString()) {
                throw new Malformed("Field \"type\" must be a string");
            }
            MessageType type = MessageType.fromWireName(typeNode.stringValue());
            if (type == null) {
                throw new Malformed("Unknown message type: \"" + echo(typeNode.stringValue()) + "\"");
            }
            return new ParseResult.Parsed<>(reader.read(type, fields));
        } catch (Malformed malformed) {
            return new ParseResult.Malformed<>(malformed.getMessage(), Optional.ofNullable(fields.rpcId));
        }
    }

    private static ClientMessage readClientMessage(MessageType type, Fields fields) {
        switch (type) {
            case RPC: {
                JsonNode idNode = fields.root.get("id");
                if (idNode == null) {
                    throw new Malformed("Message of type \"rpc\" has no \"id\"");
                }
                if (!idNode.isString()) {
                    throw new Malformed("Field \"id\" must be a string");
                }
                fields.rpcId = idNode.stringValue();
                return new RpcCall(fields.rpcId, fields.string("actor"), fields.string("actorId"),
                        fields.string("method"), fields.root.get("input"), fields.optionalString("idempotencyKey"),
                        fields.count("baseVersion"));
            }
            case EVENT_SUB:
                return new EventSub(fields.string("actor"), fields.string("actorId"));
            case EVENT_UNSUB:
                return new EventUnsub(fields.string("actor"), fields.string("actorId"));
            case STATE_SUB:
                return new StateSub(fields.string("actor"), fields.string("actorId"), fields.count("since"));
            case STATE_UNSUB:
                return new StateUnsub(fields.string("actor"), fields.string("actorId"));
            default:
                throw new Malformed("Message type \"" + type.wireName() + "\" is not sent by clients");
        }
    }

    private static ServerMessage readServerMessage(MessageType type, Fields fields) {
        switch (type) {
            case WELCOME:
                return new Welcome(fields.string("clientId"));
            case RPC_RESULT: {
                String id = fields.string("id");
                String error = fields.optionalString("error");
                if (error != null) {
                    String code = fields.optionalString("code");
                    ErrorCode errorCode = code == null ? null : ErrorCode.fromWireName(code).orElse(null);
                    return new RpcResult(id, null, error, errorCode, fields.flag("replayed"), fields.version());
                }
                return new RpcResult(id, fields.root.get("result"), null, null, fields.flag("replayed"), OptionalLong.empty());
            }
            case EVENT:
                return new EventMessage(fields.string("actor"), fields.string("actorId"), fields.string("event"),
                        fields.required("payload"));
            case STATE_SNAPSHOT:
                return new StateSnapshot(fields.string("actor"), fields.string("actorId"), fields.required("state"),
                        fields.version());
            case STATE_PATCH: {
                List<PatchOperation> patches;
                try {
                    patches = JsonPatch.fromJson(fields.required("patches")).operations();
                } catch (JsonPatchException e) {
                    throw new Malformed("Field \"patches\" is not a JSON Patch: " + e.getMessage());
                }
                return new StatePatch(fields.string("actor"), fields.string("actorId"), patches, fields.version());
            }
            case ERROR: {
                ErrorCode code = ErrorCode.fromWireName(fields.string("code")).orElse(ErrorCode.INTERNAL_ERROR);
                String request = fields.optionalString("request");
                return new ProtocolError(code, fields.string("message"),
                        request == null ? null : MessageType.fromWireName(request),
                        fields.optionalString("actor"), fields.optionalString("actorId"));
            }
            default:
                throw new Malformed("Message type \"" + type.wireName() + "\" is not sent by servers");
        }
    }

    /** Typed access to the members of one frame; failures become {@link Malformed}. */
    private static final class Fields {
        final JsonNode root;
        String rpcId;

        Fields(JsonNode root) {
            this.root = root;
        }

        String string(String name) {
            JsonNode node = root.get(name);
            if (node == null) {
                throw new Malformed("Missing field \"" + name + "\"");
            }
            if (!node.isString()) {
                throw new Malformed("Field \"" + name + "\" must be a string");
            }
            return node.stringValue();
        }

        String optionalString(String name) {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isString()) {
                throw new Malformed("Field \"" + name + "\" must be a string");
            }
            return node.stringValue();
        }

        JsonNode required(String name) {
            JsonNode node = root.get(name);
            if (node == null) {
                throw new Malformed("Missing field \"" + name + "\"");
            }
            return node;
        }

        OptionalLong version() {
            return count("version");
        }

        /** An optional non-negative integer member. */
        OptionalLong count(String name) {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                return OptionalLong.empty();
            }
            if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
                throw new Malformed("Field \"" + name + "\" must be a non-negative integer");
            }
            return OptionalLong.of(node.longValue());
        }

        /** An optional boolean member; absent reads as {@code false}. */
        boolean flag(String name) {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                return false;
            }
            if (!node.isBoolean()) {
                throw new Malformed("Field \"" + name + "\" must be a boolean");
            }
            return node.booleanValue();
        }
    }

    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    private static String echo(String value) {
        return value.length() <= MAX_ECHOED_CHARS ? value : value.substring(0, MAX_ECHOED_CHARS) + "...";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
