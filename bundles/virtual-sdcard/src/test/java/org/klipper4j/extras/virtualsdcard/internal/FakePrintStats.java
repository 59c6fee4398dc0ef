/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualsdcard.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.extras.printstats.api.PrintStats;

/** Records the calls virtual_sdcard makes and keeps the state they imply. */
final class FakePrintStats implements PrintStats {
    final List<String> calls = new ArrayList<>();
    /** Status fields beyond state and filename, as a test sets them. */
    final Map<String, Object> extraStatus = new HashMap<>();
    private String state = STANDBY;
    private String filename = "";

    @Override
    public void setCurrentFile(String name) {
        calls.add("setCurrentFile " + name);
        filename = name;
        state = STANDBY;
    }

    @Override
    public void noteStart() {
        calls.add("start");
        state = PRINTING;
    }

    @Override
    public void notePause() {
        calls.add("pause");
        if (!ERROR.equals(state)) {
            state = PAUSED;
        }
    }

    @Override
    public void noteComplete() {
        calls.add("complete");
        state = COMPLETE;
    }

    @Override
    public void noteCancel() {
        calls.add("cancel");
        state = CANCELLED;
    }

    @Override
    public void noteError(String message) {
        calls.add("error " + message);
        state = ERROR;
    }

    @Override
    public void reset() {
        calls.add("reset");
        state = STANDBY;
        filename = "";
    }

    @Override
    public String getState() {
        return state;
    }

    @Override
    public String getFilename() {
        return filename;
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new HashMap<>(extraStatus);
        status.put("state", state);
        status.put("filename", filename);
        return status;
    }
}
