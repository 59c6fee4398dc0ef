/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.klipper4j.core.api.motion.KinematicsFactory;
import org.klipper4j.core.internal.toolhead.KinematicsRegistry;

/**
 * The module services present now, keyed by section. Changed from OSGi threads,
 * read from the reactor through immutable snapshots, so a printer is always
 * built from one consistent set.
 */
public final class ModuleRegistry {

    /** Highest ranking first, then the oldest service. */
    private static final Comparator<ModuleEntry> PREFERENCE = Comparator.comparingInt(ModuleEntry::ranking)
            .reversed().thenComparingLong(ModuleEntry::serviceId);

    private final List<ModuleEntry> entries = new ArrayList<>();
    private final List<KinematicsEntry> kinematics = new ArrayList<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    /** Counts changes, so a printer can tell whether its snapshot is still current. */
    private long generation;

    public synchronized void add(ModuleEntry entry) {
        entries.add(entry);
        entries.sort(PREFERENCE);
        generation++;
        fire("added section '" + entry.section() + "' from " + entry.origin());
    }

    public void remove(long serviceId) {
        ModuleEntry removed = null;
        synchronized (this) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).serviceId() == serviceId) {
                    removed = entries.remove(i);
                    generation++;
                    break;
                }
            }
        }
        if (removed != null) {
            fire("removed section '" + removed.section() + "' of " + removed.origin());
        }
    }

    /** A kinematics factory service ({@code kinematics: name} in [printer]). */
    public record KinematicsEntry(String name, KinematicsFactory factory, String origin, long serviceId) {
    }

    public void addKinematics(KinematicsEntry entry) {
        synchronized (this) {
            kinematics.add(entry);
            generation++;
        }
        fire("added kinematics '" + entry.name() + "' from " + entry.origin());
    }

    public void removeKinematics(long serviceId) {
        KinematicsEntry removed = null;
        synchronized (this) {
            for (int i = 0; i < kinematics.size(); i++) {
                if (kinematics.get(i).serviceId() == serviceId) {
                    removed = kinematics.remove(i);
                    generation++;
                    break;
                }
            }
        }
        if (removed != null) {
            fire("removed kinematics '" + removed.name() + "' of " + removed.origin());
        }
    }

    /** Listeners hear a one-line description of each change. */
    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<String> listener) {
        listeners.remove(listener);
    }

    public synchronized Snapshot snapshot() {
        KinematicsRegistry kin = new KinematicsRegistry();
        for (KinematicsEntry k : kinematics) {
            if (kin.find(k.name()).isEmpty()) {
                kin.register(k.name(), k.factory());
            }
        }
        return new Snapshot(List.copyOf(entries), generation, kin);
    }

    public synchronized long generation() {
        return generation;
    }

    private void fire(String change) {
        for (Consumer<String> l : listeners) {
            l.accept(change);
        }
    }

    /** An immutable view of the modules at one moment. */
    public static final class Snapshot {
        private final List<ModuleEntry> entries;
        private final long generation;
        private final KinematicsRegistry kinematics;

        Snapshot(List<ModuleEntry> entries, long generation, KinematicsRegistry kinematics) {
            this.entries = entries;
            this.generation = generation;
            this.kinematics = kinematics;
        }

        /** The kinematics factories present when the snapshot was taken. */
        public KinematicsRegistry kinematics() {
            return kinematics;
        }

        /** The registry's change count when this snapshot was taken. */
        public long generation() {
            return generation;
        }

        public static Snapshot of(List<ModuleEntry> entries) {
            List<ModuleEntry> sorted = new ArrayList<>(entries);
            sorted.sort(PREFERENCE);
            return new Snapshot(List.copyOf(sorted), 0, new KinematicsRegistry());
        }

        /** The preferred module serving {@code sectionName}. */
        public Optional<ModuleEntry> find(String sectionName) {
            for (ModuleEntry e : entries) {
                if (e.serves(sectionName)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }

        /** A module registered for the section's first word but not for its form (prefix or not). */
        public Optional<ModuleEntry> findByName(String sectionName) {
            String first = ModuleEntry.firstWord(sectionName);
            return entries.stream().filter(e -> e.servesName(first)).findFirst();
        }

        public List<ModuleEntry> entries() {
            return entries;
        }
    }
}
