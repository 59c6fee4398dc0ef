/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.klipper4j.core.api.ConfigFile;

/** Records the options staged for SAVE_CONFIG as "section/option" to value. */
public final class FakeConfigFile implements ConfigFile {
    public final Map<String, String> staged = new LinkedHashMap<>();

    @Override
    public void set(String section, String option, String value) {
        staged.put(section + "/" + option, value);
    }

    @Override
    public void removeSection(String section) {
    }

    @Override
    public void warn(String type, String message) {
    }
}
