package dev.zocket.protocol;

/** The {@code type} discriminator of every protocol message, with its wire spelling. */
public enum MessageType {
    RPC("rpc"),
    RPC_RESULT("rpc:result"),
    EVENT("event"),
    EVENT_SUB("event:sub"),
    EVENT_UNSUB("event:unsub"),
    STATE_SUB("state:sub"),
    STATE_UNSUB("state:unsub"),
    STATE_SNAPSHOT("state:snapshot"),
    STATE_PATCH("state:patch"),
    WELCOME("welcome"),
    /** Extension: an error that answers a message without an {@code id}, such as a bad subscription. */
    ERROR("error");

    private final String wireName;

    MessageType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The type spelled {@code name}, or {@code null} if there is none. */
    public static MessageType fromWireName(String name) {
        for (MessageType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        return null;
    }
}
