/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.webhooks.WebRequestError;

class JsonWebRequestTest {
    private static JsonWebRequest parse(String json) throws MalformedRequestException {
        return JsonWebRequest.parse(null, json);
    }

    private static String error(Runnable getter) {
        return assertThrows(WebRequestError.class, getter::run).getMessage();
    }

    @Test
    void typedGettersFollowKlippersRules() throws Exception {
        JsonWebRequest r = parse("{\"id\": 1, \"method\": \"m\", \"params\": "
                + "{\"i\": 5, \"f\": 2.5, \"s\": \"x\", \"b\": true, \"d\": {\"k\": 1}, \"n\": null}}");
        assertEquals(5, r.getInt("i"));
        assertEquals(5.0, r.getFloat("i"));
        assertEquals(2.5, r.getFloat("f"));
        assertEquals("x", r.getString("s"));
        assertTrue(r.getBoolean("b", false));
        assertEquals(Map.of("k", 1L), r.getDict("d", Map.of()));
        assertEquals("Invalid Argument Type [f]", error(() -> r.getInt("f")));
        assertEquals("Invalid Argument Type [i]", error(() -> r.getString("i")));
        assertEquals("Invalid Argument Type [n]", error(() -> r.getString("n", "default")));
        assertEquals("Missing Argument [zz]", error(() -> r.getFloat("zz")));
        assertEquals(7, r.getInt("zz", 7));
        assertNull(r.getString("zz", null));
        assertFalse(r.getBoolean("zz", false));
    }

    @Test
    void replyCarriesTheIdAndEmptyResultByDefault() throws Exception {
        JsonWebRequest r = parse("{\"id\": \"abc\", \"method\": \"m\"}");
        assertEquals(Map.of("id", "abc", "result", Map.of()), r.reply().orElseThrow());
        r.send(Map.of("x", 1));
        assertEquals("Multiple calls to send not allowed", error(() -> r.send(Map.of())));
        assertEquals(Map.of("id", "abc", "result", Map.of("x", 1)), r.reply().orElseThrow());
    }

    @Test
    void errorReplyAndNotifications() throws Exception {
        JsonWebRequest r = parse("{\"id\": 2, \"method\": \"m\"}");
        r.setError("bad");
        assertEquals(Map.of("id", 2L, "error", Map.of("error", "WebRequestError", "message", "bad")),
                r.reply().orElseThrow());
        assertTrue(parse("{\"method\": \"m\"}").reply().isEmpty());
    }

    @Test
    void malformedRequestsKeepTheirIdWhenReadable() {
        MalformedRequestException e = assertThrows(MalformedRequestException.class,
                () -> parse("{\"id\": 4, \"method\": \"m\", \"params\": [1]}"));
        assertEquals(4L, e.requestId());
        assertEquals("Invalid request type: 'params' must be a dictionary", e.getMessage());
        e = assertThrows(MalformedRequestException.class, () -> parse("{\"id\": 4} trailing"));
        assertNull(e.requestId());
        assertEquals("Error decoding request: not valid JSON", e.getMessage());
    }
}
