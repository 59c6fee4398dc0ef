/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.bedmesh.internal;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.osgi.service.component.annotations.Component;

/**
 * Serves {@code [bed_mesh]} and accepts the stored profiles {@code [bed_mesh NAME]}
 * (SAVE_CONFIG writes them); those are read by the [bed_mesh] object, so loading one
 * builds nothing, as in Klipper.
 */
@Component(service = PrinterModule.class,
        property = {PrinterModule.SECTION + "=bed_mesh", PrinterModule.PREFIX + "=true"})
public final class BedMeshModule implements PrinterModule {
    @Override
    public Object load(ConfigSection config) {
        if (config.getName().strip().contains(" ")) {
            return null;
        }
        return new BedMesh(config);
    }
}
