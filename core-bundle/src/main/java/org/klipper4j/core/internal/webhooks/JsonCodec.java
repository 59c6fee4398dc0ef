/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import java.nio.charset.StandardCharsets;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.Strictness;
import com.google.gson.ToNumberPolicy;

/** The API socket's JSON settings: what klippy's json module reads and writes. */
final class JsonCodec {
    /** Ends every message on the socket, in both directions. */
    static final byte MESSAGE_END = 0x03;

    // Nulls are part of Klipper's answers (unknown fields query as null);
    // integers must stay integers so get_int-style checks work.
    private static final Gson GSON = new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .serializeSpecialFloatingPointValues()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .setStrictness(Strictness.LEGACY_STRICT)
            .create();

    private JsonCodec() {
    }

    static Gson gson() {
        return GSON;
    }

    /** Parses any JSON value; throws {@link com.google.gson.JsonParseException} if it is not JSON. */
    static Object parse(String text) {
        return GSON.fromJson(text, Object.class);
    }

    /** The message as sent on the wire: compact JSON followed by 0x03. */
    static byte[] encodeMessage(Object message) {
        byte[] json = GSON.toJson(message).getBytes(StandardCharsets.UTF_8);
        byte[] framed = new byte[json.length + 1];
        System.arraycopy(json, 0, framed, 0, json.length);
        framed[json.length] = MESSAGE_END;
        return framed;
    }
}
