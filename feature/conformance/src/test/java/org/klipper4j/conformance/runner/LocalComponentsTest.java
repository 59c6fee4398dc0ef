/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.motion.Kinematics;
import org.klipper4j.core.api.motion.KinematicsFactory;
import org.klipper4j.core.api.motion.Toolhead;
import org.klipper4j.core.internal.host.ModuleEntry;

/** Component descriptions as bnd writes them, read and brought to life without a framework. */
class LocalComponentsTest {

    public static final class FakeKinematics implements KinematicsFactory {
        @Override
        public Kinematics create(Toolhead toolhead, ConfigSection printerConfig) {
            return null;
        }
    }

    /** Tracks kinematics factories like the core's registry does. */
    public static final class Tracker {
        final List<String> names = new ArrayList<>();
        Map<String, Object> activatedWith;

        void addFactory(KinematicsFactory factory, Map<String, Object> props) {
            names.add(props.get(KinematicsFactory.KINEMATICS) + ":" + factory.getClass().getSimpleName());
        }

        void activate(Map<String, Object> props) {
            activatedWith = props;
        }
    }

    /** Takes its factories through a field, as a field-annotated DS reference does. */
    public static final class FieldUser {
        List<KinematicsFactory> factories;
    }

    public static final class Fan implements PrinterModule {
        @Override
        public Object load(ConfigSection config) {
            return null;
        }
    }

    private static final String NS = "xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.4.0\"";

    private static List<ComponentDescription> read(String xml) throws IOException {
        return ComponentXmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.jar");
    }

    private static ComponentCatalog catalog() throws IOException {
        List<ComponentDescription> all = new ArrayList<>();
        all.addAll(read("<scr:component " + NS + " name=\"kin\">"
                + "<property name=\"klipper.kinematics\" type=\"String\" value=\"corexy\"/>"
                + "<service><provide interface=\"org.klipper4j.core.api.motion.KinematicsFactory\"/></service>"
                + "<implementation class=\"" + FakeKinematics.class.getName() + "\"/></scr:component>"));
        all.addAll(read("<scr:component " + NS + " name=\"tracker\" immediate=\"true\" activate=\"activate\">"
                + "<property name=\"flavour\" type=\"Integer\" value=\"3\"/>"
                + "<reference name=\"Factory\" cardinality=\"0..n\" policy=\"dynamic\""
                + " interface=\"org.klipper4j.core.api.motion.KinematicsFactory\" bind=\"addFactory\"/>"
                + "<implementation class=\"" + Tracker.class.getName() + "\"/></scr:component>"));
        all.addAll(read("<scr:component " + NS + " name=\"field-user\">"
                + "<reference name=\"factories\" cardinality=\"0..n\" field=\"factories\""
                + " interface=\"org.klipper4j.core.api.motion.KinematicsFactory\"/>"
                + "<implementation class=\"" + FieldUser.class.getName() + "\"/></scr:component>"));
        all.addAll(read("<scr:component " + NS + " name=\"fan\">"
                + "<property name=\"klipper.section\" type=\"String\" value=\"fan_generic\"/>"
                + "<property name=\"klipper.prefix\" type=\"Boolean\" value=\"true\"/>"
                + "<property name=\"service.ranking\" type=\"Integer\" value=\"5\"/>"
                + "<service><provide interface=\"org.klipper4j.core.api.PrinterModule\"/></service>"
                + "<implementation class=\"" + Fan.class.getName() + "\"/></scr:component>"));
        all.addAll(read("<scr:component " + NS + " name=\"needs-link\">"
                + "<property name=\"klipper.section\" type=\"String\" value=\"mcu\"/>"
                + "<service><provide interface=\"org.klipper4j.core.api.PrinterModule\"/></service>"
                + "<reference name=\"Link\" interface=\"org.klipper4j.core.api.mcu.McuLinkProvider\" bind=\"set\"/>"
                + "<implementation class=\"" + Fan.class.getName() + "\"/></scr:component>"));
        all.addAll(read("<scr:component " + NS + " name=\"host\" init=\"1\">"
                + "<reference name=\"Module\" cardinality=\"0..n\" interface=\"org.klipper4j.core.api.PrinterModule\""
                + " bind=\"bindModule\"/>"
                + "<implementation class=\"does.not.Exist\"/></scr:component>"));
        return new ComponentCatalog(all);
    }

    @Test
    void readsWhatAComponentProvidesAndNeeds() throws IOException {
        ComponentDescription fan = catalog().components().get(3);
        assertEquals(Fan.class.getName(), fan.implementation());
        assertEquals(List.of(PrinterModule.class.getName()), fan.services());
        assertEquals(Map.of("klipper.section", "fan_generic", "klipper.prefix", true, "service.ranking", 5),
                fan.properties());
        ComponentDescription.Reference ref = catalog().components().get(1).references().get(0);
        assertEquals("addFactory", ref.bind());
        assertTrue(ref.multiple());
        assertEquals(1, catalog().components().get(5).constructorArgs());
    }

    @Test
    void bindsTrackersToProvidersWithTheirPropertiesThenActivates() throws IOException {
        LocalComponents lc = LocalComponents.start(catalog(), getClass().getClassLoader());
        Tracker tracker = lc.live().stream().map(LocalComponents.Live::instance).filter(Tracker.class::isInstance)
                .map(Tracker.class::cast).findFirst().orElseThrow();
        assertEquals(List.of("corexy:FakeKinematics"), tracker.names);
        assertEquals(3, tracker.activatedWith.get("flavour"));
        assertEquals(Set.of("corexy"), lc.kinematicsNames());
        FieldUser user = lc.live().stream().map(LocalComponents.Live::instance).filter(FieldUser.class::isInstance)
                .map(FieldUser.class::cast).findFirst().orElseThrow();
        assertEquals(1, user.factories.size());
        assertTrue(user.factories.get(0) instanceof FakeKinematics);
    }

    @Test
    void givesTheHostItsModulesAndLeavesOutWhatCannotRun() throws IOException {
        LocalComponents lc = LocalComponents.start(catalog(), getClass().getClassLoader());
        List<ModuleEntry> entries = lc.moduleEntries();
        assertEquals(1, entries.size(), "the module missing its mandatory link provider is not registered");
        ModuleEntry fan = entries.get(0);
        assertEquals("fan_generic", fan.section());
        assertTrue(fan.prefix());
        assertEquals(5, fan.ranking());
        assertTrue(fan.module() instanceof Fan);
        assertEquals(List.of("component needs-link is not satisfied: no org.klipper4j.core.api.mcu.McuLinkProvider"),
                lc.problems(), "the host component (constructor injection) is left out silently");
    }
}
