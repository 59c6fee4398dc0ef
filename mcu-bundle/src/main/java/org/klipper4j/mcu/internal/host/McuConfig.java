/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import org.klipper4j.mcu.internal.pins.PinResolver;

/**
 * The config an MCU is sent, built as Klipper builds it: the objects' config commands
 * after {@code allocate_oids}, pin names resolved, and {@code finalize_config} carrying
 * the CRC-32 of the config commands joined by newlines, so an MCU that already holds
 * the same config is not sent it again.
 */
final class McuConfig {
    private final List<Runnable> callbacks = new ArrayList<>();
    private final List<String> configCmds = new ArrayList<>();
    private final List<String> restartCmds = new ArrayList<>();
    private final List<String> initCmds = new ArrayList<>();
    private int oidCount;
    private long crc = -1;

    int createOid() {
        return oidCount++;
    }

    void registerCallback(Runnable callback) {
        callbacks.add(callback);
    }

    void add(String command, boolean isInit, boolean onRestart) {
        if (isInit) {
            initCmds.add(command);
        } else if (onRestart) {
            restartCmds.add(command);
        } else {
            configCmds.add(command);
        }
    }

    /** Runs the callbacks and completes the command lists; returns the config CRC. */
    long build(PinResolver pins) {
        for (Runnable cb : List.copyOf(callbacks)) {
            cb.run();
        }
        configCmds.add(0, "allocate_oids count=" + oidCount);
        resolve(configCmds, pins);
        resolve(restartCmds, pins);
        resolve(initCmds, pins);
        CRC32 c = new CRC32();
        c.update(String.join("\n", configCmds).getBytes(StandardCharsets.UTF_8));
        crc = c.getValue();
        configCmds.add("finalize_config crc=" + crc);
        return crc;
    }

    private static void resolve(List<String> cmds, PinResolver pins) {
        cmds.replaceAll(pins::updateCommand);
    }

    long crc() {
        return crc;
    }

    List<String> configCommands() {
        return List.copyOf(configCmds);
    }

    List<String> restartCommands() {
        return List.copyOf(restartCmds);
    }

    List<String> initCommands() {
        return List.copyOf(initCmds);
    }
}
