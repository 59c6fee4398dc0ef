/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.tmc.internal;

import java.util.Map;
import org.klipper4j.core.api.StatusProvider;

/** The printer object of one {@code [tmcXXXX stepper]} section: its registers and status. */
final class TmcDriver implements StatusProvider {
    private final TmcTransport tmc;
    private final TmcCommandHelper commands;

    TmcDriver(TmcTransport tmc, TmcCommandHelper commands) {
        this.tmc = tmc;
        this.commands = commands;
    }

    FieldHelper fields() {
        return tmc.fields();
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return commands.getStatus();
    }
}
