/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which bundle serves each Klipper section, so an unserved section can name the
 * bundle to install. Read from {@code known-sections.properties}.
 */
final class KnownSections {
    private final Properties bySection = new Properties();

    KnownSections() {
        try (InputStream in = KnownSections.class.getResourceAsStream("known-sections.properties")) {
            if (in != null) {
                bySection.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A hint for the error about an unserved section, or null if the section is not known. */
    String hintFor(String sectionName) {
        String first = ModuleEntry.firstWord(sectionName);
        String bundle = bySection.getProperty(first);
        if (bundle == null) {
            return null;
        }
        return "; it is served by the '" + bundle + "' bundle, which is not installed";
    }
}
