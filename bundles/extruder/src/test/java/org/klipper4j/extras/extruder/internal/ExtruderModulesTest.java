/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.extruder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** One public DS component class per extruder section name, extruder and extruder1..9. */
class ExtruderModulesTest {
    @Test
    void oneComponentClassPerExtruderSection() throws Exception {
        List<Class<?>> classes = Arrays.stream(ExtruderModules.class.getDeclaredClasses())
                .filter(ExtruderModule.class::isAssignableFrom).toList();
        assertEquals(1 + ExtruderModules.MAX_EXTRA_EXTRUDERS, classes.size());
        for (Class<?> c : classes) {
            // DS instantiates them: public, static, with a public no-argument constructor
            assertTrue(Modifier.isPublic(c.getModifiers()) && Modifier.isStatic(c.getModifiers()), c.getName());
            assertTrue(c.getConstructor().newInstance() instanceof ExtruderModule);
        }
    }
}
