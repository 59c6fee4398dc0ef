/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.runner;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.mcu.McuLinkProvider;
import org.klipper4j.core.api.motion.KinematicsFactory;
import org.klipper4j.core.internal.host.ModuleEntry;
import org.klipper4j.core.internal.host.ModuleRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The printer-facing components of a catalog brought to life without a framework, as
 * DS would: those providing {@link PrinterModule}, {@link KinematicsFactory} or
 * {@link McuLinkProvider}, and those that only track such services (a kinematics
 * registry). Each gets its no-argument constructor, its reference fields set and its
 * bind methods called with every matching service and its properties, then its
 * activate method (with its properties).
 * Components needing injected constructor arguments (the host itself) are left out.
 */
public final class LocalComponents {
    private static final Logger LOG = LoggerFactory.getLogger(LocalComponents.class);
    private static final Set<String> PRINTER_SERVICES = Set.of(PrinterModule.class.getName(),
            KinematicsFactory.class.getName(), McuLinkProvider.class.getName());

    /** A live component with its description. */
    public record Live(ComponentDescription description, Object instance) {
    }

    private final List<Live> live = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private LocalComponents() {
    }

    /** Instantiates and wires the printer-facing components of {@code catalog}. */
    public static LocalComponents start(ComponentCatalog catalog, ClassLoader loader) {
        LocalComponents lc = new LocalComponents();
        for (ComponentDescription d : catalog.components()) {
            if (!relevant(d)) {
                continue;
            }
            if (d.constructorArgs() > 0) {
                LOG.debug("Leaving out {}: its constructor takes injected arguments", d.name());
                continue;
            }
            try {
                Class<?> type = Class.forName(d.implementation(), true, loader);
                var ctor = type.getDeclaredConstructor();
                ctor.setAccessible(true);
                lc.live.add(new Live(d, ctor.newInstance()));
            } catch (ReflectiveOperationException | LinkageError e) {
                lc.problems.add("component " + d.name() + " from " + d.origin() + " cannot be created: " + e);
            }
        }
        lc.bindAll();
        lc.live.removeIf(l -> !lc.satisfied(l));
        lc.live.forEach(lc::activate);
        return lc;
    }

    private static boolean relevant(ComponentDescription d) {
        return d.services().stream().anyMatch(PRINTER_SERVICES::contains)
                || (d.services().isEmpty() && !d.references().isEmpty()
                        && d.references().stream().allMatch(r -> PRINTER_SERVICES.contains(r.service())));
    }

    private List<Live> providers(String service) {
        return live.stream().filter(l -> l.description().services().contains(service)).toList();
    }

    private boolean satisfied(Live l) {
        for (ComponentDescription.Reference r : l.description().references()) {
            if (r.mandatory() && providers(r.service()).isEmpty()) {
                problems.add("component " + l.description().name() + " is not satisfied: no " + r.service());
                return false;
            }
        }
        return true;
    }

    private void bindAll() {
        for (Live l : live) {
            for (ComponentDescription.Reference r : l.description().references()) {
                List<Live> targets = providers(r.service());
                if (!r.multiple() && targets.size() > 1) {
                    targets = targets.subList(0, 1);
                }
                if (r.field() != null) {
                    setField(l, r, targets);
                }
                if (r.bind() == null) {
                    continue;
                }
                for (Live target : targets) {
                    bind(l, r, target);
                }
            }
        }
    }

    private void bind(Live l, ComponentDescription.Reference r, Live target) {
        Method m = findMethod(l.instance().getClass(), r.bind());
        if (m == null) {
            problems.add("component " + l.description().name() + " has no bind method " + r.bind());
            return;
        }
        Object[] args = new Object[m.getParameterCount()];
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            if (Map.class.isAssignableFrom(types[i])) {
                args[i] = new LinkedHashMap<>(target.description().properties());
            } else if (types[i].isInstance(target.instance())) {
                args[i] = target.instance();
            } else {
                problems.add("component " + l.description().name() + ": bind method " + r.bind()
                        + " takes a " + types[i].getName() + ", which is not supported here");
                return;
            }
        }
        invoke(l, m, args);
    }

    /** A field reference: the service itself, or a list of them for a multiple one. */
    private void setField(Live l, ComponentDescription.Reference r, List<Live> targets) {
        try {
            Field f = findField(l.instance().getClass(), r.field());
            if (f == null) {
                problems.add("component " + l.description().name() + " has no field " + r.field());
                return;
            }
            f.setAccessible(true);
            if (Collection.class.isAssignableFrom(f.getType())) {
                f.set(l.instance(), new ArrayList<>(targets.stream().map(Live::instance).toList()));
            } else if (!targets.isEmpty()) {
                f.set(l.instance(), targets.get(0).instance());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            problems.add("component " + l.description().name() + ": field " + r.field() + " not set: " + e);
        }
    }

    private static Field findField(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return f;
                }
            }
        }
        return null;
    }

    private void activate(Live l) {
        String name = l.description().activate();
        if (name == null) {
            return;
        }
        Method m = findMethod(l.instance().getClass(), name);
        if (m == null) {
            return;
        }
        Object[] args = new Object[m.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            if (!Map.class.isAssignableFrom(m.getParameterTypes()[i])) {
                problems.add("component " + l.description().name() + ": activate method " + name
                        + " takes a " + m.getParameterTypes()[i].getName() + ", which is not supported here");
                return;
            }
            args[i] = new LinkedHashMap<>(l.description().properties());
        }
        invoke(l, m, args);
    }

    private void invoke(Live l, Method m, Object[] args) {
        try {
            m.setAccessible(true);
            m.invoke(l.instance(), args);
        } catch (InvocationTargetException e) {
            problems.add("component " + l.description().name() + ": " + m.getName() + " failed: " + e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            problems.add("component " + l.description().name() + ": " + m.getName() + " failed: " + e);
        }
    }

    private static Method findMethod(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name)) {
                    return m;
                }
            }
        }
        return null;
    }

    /** The section modules as the host's registry takes them (service ids count from 1). */
    public List<ModuleEntry> moduleEntries() {
        List<ModuleEntry> out = new ArrayList<>();
        long id = 1;
        for (Live l : providers(PrinterModule.class.getName())) {
            Map<String, Object> p = l.description().properties();
            Object section = p.get(PrinterModule.SECTION);
            if (!(section instanceof String s) || s.isBlank()) {
                problems.add("component " + l.description().name() + " has no '" + PrinterModule.SECTION + "'");
                continue;
            }
            boolean prefix = Boolean.parseBoolean(String.valueOf(p.get(PrinterModule.PREFIX)));
            boolean numbered = Boolean.parseBoolean(String.valueOf(p.get(PrinterModule.NUMBERED)));
            int ranking = p.get("service.ranking") instanceof Integer r ? r : 0;
            out.add(new ModuleEntry(s.trim(), prefix, (PrinterModule) l.instance(), l.description().origin(), id++,
                    ranking, numbered));
        }
        return out;
    }

    /** The kinematics factories as the host's registry takes them (service ids count from 10000). */
    public List<ModuleRegistry.KinematicsEntry> kinematicsEntries() {
        List<ModuleRegistry.KinematicsEntry> out = new ArrayList<>();
        long id = 10000;
        for (Live l : providers(KinematicsFactory.class.getName())) {
            Object name = l.description().properties().get(KinematicsFactory.KINEMATICS);
            if (name != null) {
                out.add(new ModuleRegistry.KinematicsEntry(name.toString().trim(), (KinematicsFactory) l.instance(),
                        l.description().origin(), id++));
            }
        }
        return out;
    }

    /** The kinematics names that have a factory. */
    public Set<String> kinematicsNames() {
        Set<String> out = new java.util.TreeSet<>();
        for (Live l : providers(KinematicsFactory.class.getName())) {
            Object name = l.description().properties().get(KinematicsFactory.KINEMATICS);
            if (name != null) {
                out.add(name.toString());
            }
        }
        return out;
    }

    public List<Live> live() {
        return List.copyOf(live);
    }

    /** What could not be created or wired, in words. */
    public List<String> problems() {
        return List.copyOf(problems);
    }
}
