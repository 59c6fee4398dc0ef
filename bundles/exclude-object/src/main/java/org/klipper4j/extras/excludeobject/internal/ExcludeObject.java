/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.excludeobject.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.GCodeCommand;
import org.klipper4j.core.api.gcode.GCodeDispatch;
import org.klipper4j.core.api.gcode.GCodeMoveState;
import org.klipper4j.core.api.motion.MoveTransform;
import org.klipper4j.core.api.motion.Toolhead;

/**
 * {@code [exclude_object]}: objects of a print are defined (EXCLUDE_OBJECT_DEFINE)
 * and marked as they print (EXCLUDE_OBJECT_START/END); an object cancelled with
 * EXCLUDE_OBJECT is skipped by a move transform put in front of the toolhead at
 * the first exclusion and removed when the file is reset.
 */
public final class ExcludeObject implements MoveTransform, StatusProvider {
    static final String START_HELP = "Marks the beginning the current object as labeled";
    static final String END_HELP = "Marks the end the current object";
    static final String EXCLUDE_HELP = "Cancel moves inside a specified objects";
    static final String DEFINE_HELP = "Provides a summary of an object";

    private final Printer printer;
    private final GCodeDispatch gcode;
    private final GCodeMoveState gcodeMove;
    private Toolhead toolhead;
    /** The move filter while the transform is registered, else null. */
    private ExcludeMoveFilter filter;
    private List<Map<String, Object>> objects = new ArrayList<>();
    private List<String> excludedObjects = new ArrayList<>();
    private String currentObject;

    public ExcludeObject(ConfigSection config) {
        printer = config.getPrinter();
        gcode = printer.lookupObject("gcode", GCodeDispatch.class);
        gcodeMove = printer.lookupObject("gcode_move", GCodeMoveState.class);
        printer.registerEventHandler(PrinterEvents.CONNECT,
                args -> toolhead = printer.lookupObject("toolhead", Toolhead.class));
        printer.registerEventHandler("virtual_sdcard:reset_file", args -> resetFile());
        gcode.registerCommand("EXCLUDE_OBJECT_START", this::cmdStart, START_HELP);
        gcode.registerCommand("EXCLUDE_OBJECT_END", this::cmdEnd, END_HELP);
        gcode.registerCommand("EXCLUDE_OBJECT", this::cmdExcludeObject, EXCLUDE_HELP);
        gcode.registerCommand("EXCLUDE_OBJECT_DEFINE", this::cmdDefine, DEFINE_HELP);
    }

    private void registerTransform() {
        if (filter == null) {
            MoveTransform next = gcodeMove.setMoveTransform(this, true);
            filter = new ExcludeMoveFilter(next, () -> toolhead.getExtruder().getName());
        }
    }

    private void unregisterTransform() {
        if (filter != null) {
            gcodeMove.setMoveTransform(filter.next(), true);
            filter = null;
            gcodeMove.resetLastPosition();
        }
    }

    private void resetFile() {
        objects = new ArrayList<>();
        excludedObjects = new ArrayList<>();
        currentObject = null;
        unregisterTransform();
    }

    private boolean inExcludedObject() {
        return currentObject != null && excludedObjects.contains(currentObject) && filter != null
                && filter.isTracking();
    }

    @Override
    public double[] getPosition() {
        return filter != null ? filter.getPosition() : toolhead.getPosition();
    }

    @Override
    public void move(double[] newpos, double speed) {
        if (filter == null) {
            toolhead.move(newpos, speed);
            return;
        }
        filter.move(newpos, speed, inExcludedObject());
    }

    // ---------------------------------------------------------------- commands

    private static String upperParam(GCodeCommand gcmd, String name) {
        return gcmd.get(name, "").toUpperCase(Locale.ROOT);
    }

    /** Python truth of an optional parameter: given and not empty. */
    private static boolean isSet(GCodeCommand gcmd, String name) {
        String v = gcmd.get(name, null);
        return v != null && !v.isEmpty();
    }

    private void cmdStart(GCodeCommand gcmd) {
        String name = gcmd.get("NAME").toUpperCase(Locale.ROOT);
        if (objects.stream().noneMatch(o -> name.equals(o.get("name")))) {
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("name", name);
            addObjectDefinition(definition);
        }
        currentObject = name;
    }

    private void cmdEnd(GCodeCommand gcmd) {
        if (currentObject == null && filter != null) {
            gcmd.respondInfo("EXCLUDE_OBJECT_END called, but no object is currently active");
            return;
        }
        String name = gcmd.get("NAME", null);
        if (name != null && !name.toUpperCase(Locale.ROOT).equals(currentObject)) {
            gcmd.respondInfo("EXCLUDE_OBJECT_END NAME=" + name.toUpperCase(Locale.ROOT)
                    + " does not match the current object NAME=" + currentObject);
        }
        currentObject = null;
    }

    private void cmdExcludeObject(GCodeCommand gcmd) {
        String name = upperParam(gcmd, "NAME");
        if (isSet(gcmd, "RESET")) {
            if (!name.isEmpty()) {
                unexcludeObject(name);
            } else {
                excludedObjects = new ArrayList<>();
            }
        } else if (!name.isEmpty()) {
            if (!excludedObjects.contains(name)) {
                excludeObject(name);
            }
        } else if (isSet(gcmd, "CURRENT")) {
            if (currentObject == null || currentObject.isEmpty()) {
                gcode.respondError("There is no current object to cancel");
            } else {
                excludeObject(currentObject);
            }
        } else {
            gcmd.respondInfo("Excluded objects: " + String.join(" ", excludedObjects));
        }
    }

    private void cmdDefine(GCodeCommand gcmd) {
        String name = upperParam(gcmd, "NAME");
        if (isSet(gcmd, "RESET")) {
            resetFile();
        } else if (!name.isEmpty()) {
            Map<String, String> params = new LinkedHashMap<>(gcmd.getCommandParameters());
            params.remove("NAME");
            String center = params.remove("CENTER");
            String polygon = params.remove("POLYGON");
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("name", name);
            definition.putAll(params);
            try {
                if (center != null) {
                    definition.put("center", PythonJson.parse("[" + center + "]"));
                }
                if (polygon != null) {
                    definition.put("polygon", PythonJson.parse(polygon));
                }
            } catch (IllegalArgumentException e) {
                throw gcmd.error("Error in EXCLUDE_OBJECT_DEFINE: " + e.getMessage());
            }
            addObjectDefinition(definition);
        } else if (gcmd.get("JSON", null) != null) {
            gcmd.respondInfo("Known objects: " + PythonJson.dumps(objects));
        } else {
            List<String> names = objects.stream().map(o -> (String) o.get("name")).toList();
            gcmd.respondInfo("Known objects: " + String.join(" ", names));
        }
    }

    private void addObjectDefinition(Map<String, Object> definition) {
        List<Map<String, Object>> list = new ArrayList<>(objects);
        list.add(definition);
        list.sort(Comparator.comparing(o -> (String) o.get("name")));
        objects = list;
    }

    private void excludeObject(String name) {
        registerTransform();
        gcode.respondInfo("Excluding object " + name);
        if (!excludedObjects.contains(name)) {
            List<String> list = new ArrayList<>(excludedObjects);
            list.add(name);
            list.sort(null);
            excludedObjects = list;
        }
    }

    private void unexcludeObject(String name) {
        gcode.respondInfo("Unexcluding object " + name);
        if (excludedObjects.contains(name)) {
            List<String> list = new ArrayList<>(excludedObjects);
            list.remove(name);
            excludedObjects = list;
        }
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("objects", objects);
        status.put("excluded_objects", excludedObjects);
        status.put("current_object", currentObject);
        return status;
    }
}
