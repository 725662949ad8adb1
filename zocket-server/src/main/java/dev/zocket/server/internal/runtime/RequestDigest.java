package dev.zocket.server.internal.runtime;

import dev.zocket.server.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What makes two calls with one idempotency key the same call: the method, the input and, for an
 * authenticated caller, the user. The input is digested by value, members in name order, so the
 * same call re-sent with its members in another order is still the same call; the user is part of
 * it so that a key learnt from someone else opens nothing of theirs.
 */
final class RequestDigest {

    private static final int DIGEST_BYTES = 18; // 144 bits, 24 characters of base64url
    /** One per thread, reset per call: a lookup or a clone per call allocated its state each time. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(RequestDigest::sha256);

    private RequestDigest() {}

    static String of(String method, JsonNode input, Caller caller) {
        MessageDigest sha = SHA_256.get();
        sha.reset(); // in case an earlier call failed half-way
        put(sha, method);
        put(sha, caller.userId().orElse(""));
        if (input == null) {
            sha.update((byte) 'A'); // absent, unlike an explicit null
        } else {
            digest(sha, input);
        }
        byte[] full = sha.digest();
        byte[] kept = new byte[DIGEST_BYTES];
        System.arraycopy(full, 0, kept, 0, DIGEST_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(kept);
    }

    private static void digest(MessageDigest sha, JsonNode node) {
        if (node.isObject()) {
            sha.update((byte) 'O');
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            members.sort(Map.Entry.comparingByKey());
            sha.update(intBytes(members.size()));
            for (Map.Entry<String, JsonNode> member : members) {
                put(sha, member.getKey());
                digest(sha, member.getValue());
            }
        } else if (node.isArray()) {
            sha.update((byte) 'L');
            sha.update(intBytes(node.size()));
            for (JsonNode element : node) {
                digest(sha, element);
            }
        } else if (node.isString()) {
            sha.update((byte) 'S');
            put(sha, node.stringValue());
        } else if (node.isNumber()) {
            sha.update((byte) 'N');
            put(sha, node.numberValue().toString());
        } else if (node.isBoolean()) {
            sha.update(node.booleanValue() ? (byte) 'T' : (byte) 'F');
        } else {
            sha.update((byte) 'Z'); // null, or anything without a value of its own
        }
    }

    /** Length-prefixed, so that no two sequences of strings digest alike. */
    private static void put(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(intBytes(bytes.length));
        sha.update(bytes);
    }

    private static byte[] intBytes(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every Java platform has SHA-256", e);
        }
    }
}
