/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.klipper4j.testkit.FakeConfig;
import org.klipper4j.testkit.FakePrinter;

class ProfileSectionTest {
    /** A stored profile section builds no object of its own: [bed_mesh] reads it. */
    @Test
    void storedProfileSectionLoadsNothing() {
        assertNull(new BedMeshModule().load(FakeConfig.of(new FakePrinter(), "bed_mesh default", "version", "1")));
    }
}
