package dev.zocket.example.draw;

import dev.zocket.json.JsonCodec;

final class JsonText {

    private JsonText() {}

    /** A string as a JSON string literal. */
    static String quote(String text) {
        return JsonCodec.standard().toJson(text);
    }
}
