/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.api.gcode;

import java.util.Map;

import org.klipper4j.core.api.Bounds;

/**
 * One parsed G-code command with typed parameter getters, as Klipper's
 * GCodeCommand. Getters without a default throw a {@link CommandError}
 * ("Error on 'G1 X': missing X") when the parameter is absent.
 */
public interface GCodeCommand {
    /** The command name, upper case: {@code G1}, {@code SET_PIN}. */
    String getCommand();

    /** The whole line as received, without checksum and comment. */
    String getCommandline();

    /** The parameters by upper-case name. */
    Map<String, String> getCommandParameters();

    /** The text after the command name (for commands such as M117 and ECHO). */
    String getRawCommandParameters();

    boolean has(String name);

    String get(String name);

    String get(String name, String defaultValue);

    int getInt(String name);

    Integer getInt(String name, Integer defaultValue);

    Integer getInt(String name, Integer defaultValue, Integer minval, Integer maxval);

    double getFloat(String name);

    Double getFloat(String name, Double defaultValue);

    Double getFloat(String name, Double defaultValue, Bounds bounds);

    /** Sends {@code // message} (each line prefixed) to whoever sent this command. */
    void respondInfo(String message);

    /** Sends {@code message} unchanged to whoever sent this command. */
    void respondRaw(String message);

    /**
     * Acknowledges the command to its source with {@code "ok msg"} (as M105's
     * temperatures); returns false if the source wants no acks.
     */
    boolean ack(String msg);

    /** A command error that names this command line. */
    CommandError error(String message);
}
