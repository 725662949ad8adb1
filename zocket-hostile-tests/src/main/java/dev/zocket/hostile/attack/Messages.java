package dev.zocket.hostile.attack;

/** Protocol messages as the attackers write them: plain strings, nothing checked. */
final class Messages {

    private Messages() {}

    static String rpc(String id, String actor, String actorId, String method, String input) {
        return "{\"type\":\"rpc\",\"id\":\"" + id + "\",\"actor\":\"" + actor + "\",\"actorId\":\"" + actorId
                + "\",\"method\":\"" + method + "\"" + (input == null ? "" : ",\"input\":" + input) + "}";
    }

    static String subscription(String kind, String actor, String actorId) {
        return "{\"type\":\"" + kind + "\",\"actor\":\"" + actor + "\",\"actorId\":\"" + actorId + "\"}";
    }
}
