/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.filamentsensors.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.reactor.Reactor;

/**
 * Up to eight button pins on one MCU, polled by the firmware (Klipper's
 * MCU_buttons): configured with {@code config_buttons}/{@code buttons_add}/
 * {@code buttons_query}; each {@code buttons_state} report is acknowledged and
 * every new state is handed to the callbacks whose pins changed.
 */
final class McuButtons {
    static final int MAX_PINS = 8;
    static final double QUERY_TIME = .002;
    static final int RETRANSMIT_COUNT = 50;
    private static final String QUERY_WITH_INVERT =
            "buttons_query oid=%c clock=%u rest_ticks=%u retransmit_count=%c invert=%c";

    private record Group(int mask, int shift, ButtonCallback callback) {
    }

    private record Pin(String name, int pullup) {
    }

    private final Mcu mcu;
    private final Reactor reactor;
    private final List<Pin> pins = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private int invert;
    /** Inversion the host applies itself (firmware without the invert parameter). */
    private int hostInvert;
    private int lastButton;
    private int ackCount;
    private int oid;
    private McuCommand ackCmd;

    McuButtons(Mcu mcu, Reactor reactor) {
        this.mcu = mcu;
        this.reactor = reactor;
        mcu.registerConfigCallback(this::buildConfig);
    }

    int pinCount() {
        return pins.size();
    }

    void setupButtons(List<PinParams> pinParams, ButtonCallback callback) {
        int shift = pins.size();
        int mask = 0;
        for (PinParams p : pinParams) {
            int bit = 1 << pins.size();
            if (p.invert()) {
                invert |= bit;
            }
            mask |= bit;
            pins.add(new Pin(p.pin(), p.pullup()));
        }
        groups.add(new Group(mask, shift, callback));
    }

    private void buildConfig() {
        if (pins.isEmpty()) {
            return;
        }
        oid = mcu.createOid();
        mcu.addConfigCommand("config_buttons oid=" + oid + " button_count=" + pins.size());
        for (int i = 0; i < pins.size(); i++) {
            Pin pin = pins.get(i);
            mcu.addConfigCommand("buttons_add oid=" + oid + " pos=" + i + " pin=" + pin.name() + " pull_up="
                    + pin.pullup(), true, false);
        }
        ackCmd = mcu.lookupCommand("buttons_ack oid=%c count=%c", mcu.allocCommandQueue());
        long clock = mcu.getQuerySlot(oid);
        long restTicks = mcu.secondsToClock(QUERY_TIME);
        String query = "buttons_query oid=" + oid + " clock=" + clock + " rest_ticks=" + restTicks
                + " retransmit_count=" + RETRANSMIT_COUNT;
        if (mcu.hasCommand(QUERY_WITH_INVERT)) {
            query += " invert=" + invert;
            hostInvert = 0;
        } else {
            hostInvert = invert;
        }
        mcu.addConfigCommand(query, true, false);
        mcu.registerResponse(this::handleButtonsState, "buttons_state", oid);
    }

    /** A report: the MCU resends states until acknowledged, so only the unseen tail is new. */
    void handleButtonsState(Map<String, Object> params) {
        int msgAck = ((Number) params.get("ack_count")).intValue();
        int diff = (ackCount - msgAck) & 0xff;
        if ((diff & 0x80) != 0) {
            diff -= 0x100;
        }
        int msgAckCount = ackCount - diff;
        byte[] states = bytesOf(params.get("state"));
        int newCount = msgAckCount + states.length - ackCount;
        if (newCount <= 0) {
            return;
        }
        ackCmd.send(oid, newCount);
        ackCount += newCount;
        for (int i = states.length - newCount; i < states.length; i++) {
            int button = states[i] & 0xff;
            reactor.registerAsyncCallback(eventtime -> handleButton(eventtime, button));
        }
    }

    private void handleButton(double eventtime, int rawButton) {
        int button = rawButton ^ hostInvert;
        int changed = button ^ lastButton;
        lastButton = button;
        for (Group g : groups) {
            if ((changed & g.mask()) != 0) {
                g.callback().onChange(eventtime, (button & g.mask()) >> g.shift());
            }
        }
    }

    private static byte[] bytesOf(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof List<?> list) {
            byte[] bytes = new byte[list.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) ((Number) list.get(i)).intValue();
            }
            return bytes;
        }
        if (value instanceof String text) {
            return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return new byte[0];
    }
}
