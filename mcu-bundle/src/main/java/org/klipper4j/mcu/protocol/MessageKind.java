/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.protocol;

/** What a dictionary message is: a host-to-MCU command, a response, or a debug output() format. */
public enum MessageKind {
    COMMAND, RESPONSE, OUTPUT
}
