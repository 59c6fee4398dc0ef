/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.launcher.internal;

import java.util.OptionalInt;
import java.util.function.IntConsumer;

import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code klipper4j.exit=true} service: the host calls it with an exit code
 * when the process should end. It records the code and stops the framework on a
 * thread of its own, since the caller is usually a thread the stop will wait for.
 */
final class ExitService implements IntConsumer {

    /** Service property that marks this IntConsumer. */
    static final String EXIT_PROPERTY = "klipper4j.exit";

    private static final Logger LOG = LoggerFactory.getLogger(ExitService.class);

    private final Framework framework;
    private volatile Integer exitCode;

    ExitService(Framework framework) {
        this.framework = framework;
    }

    @Override
    public void accept(int code) {
        synchronized (this) {
            if (exitCode != null) {
                return;
            }
            exitCode = code;
        }
        LOG.debug("Exit requested with code {}", code);
        Thread stopper = new Thread(() -> {
            try {
                framework.stop();
            } catch (BundleException e) {
                LOG.error("Stopping the framework failed: {}", e.getMessage());
            }
        }, "klipper4j-exit");
        stopper.start();
    }

    OptionalInt exitCode() {
        Integer code = exitCode;
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }
}
