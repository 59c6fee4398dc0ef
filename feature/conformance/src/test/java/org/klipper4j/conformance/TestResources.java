/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The test resources folder (target/test-classes), where the reference data is copied. */
public final class TestResources {
    private TestResources() {
    }

    public static Path root() {
        URL url = TestResources.class.getResource("/reference/cases.tsv");
        if (url == null) {
            throw new IllegalStateException("reference/cases.tsv is not on the test class path");
        }
        try {
            return Path.of(url.toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path reference() {
        return root().resolve("reference");
    }
}
