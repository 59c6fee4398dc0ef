/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.mcu;

import java.util.Map;

/** Receives a decoded MCU response, its parameters by name plus {@code #name}, {@code #receive_time}. */
@FunctionalInterface
public interface McuResponseHandler {
    void handle(Map<String, Object> params);
}
