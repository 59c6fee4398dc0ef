/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal;

/** The one version string the host reports (M115, the API's info, the log banner). */
public final class HostVersion {
    private static final String RELEASE = "0.1.0";

    private HostVersion() {
    }

    /** e.g. {@code klipper4j-0.1.0}. */
    public static String softwareVersion() {
        String v = HostVersion.class.getPackage().getImplementationVersion();
        return "klipper4j-" + (v == null ? RELEASE : v);
    }
}
