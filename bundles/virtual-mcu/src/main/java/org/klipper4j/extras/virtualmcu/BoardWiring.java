/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu;

import java.util.ArrayList;
import java.util.List;

/**
 * What is connected to the virtual board's pins: heaters and the thermistors that read
 * them, the axes the steppers move and the endstop switches on those axes. Pins nobody
 * wired read as an open circuit (ADC full scale) or as their pull-up.
 */
public final class BoardWiring {
    /**
     * A thermistor: Steinhart-Hart through three (temperature C, resistance ohm) points,
     * read through a pull-up resistor.
     */
    public record Thermistor(double t1, double r1, double t2, double r2, double t3, double r3, double pullup) {
        /** Klipper's "EPCOS 100K B57560G104F" with the default 4700 ohm pull-up. */
        public static final Thermistor EPCOS_100K = new Thermistor(25, 100000, 150, 1641.9, 250, 226.15, 4700);
    }

    /**
     * A first-order thermal body: {@code dT/dt = heatRate * duty - coolRate * (T - ambient)},
     * driven by the duty of {@code heaterPin}, read by the thermistor on {@code sensorPin}.
     */
    public record Heater(String heaterPin, String sensorPin, double heatRate, double coolRate, Thermistor thermistor) {
    }

    /** The axis a stepper moves, in steps; it starts at {@code startPosition} (steps from 0). */
    public record Axis(String stepPin, long startPosition) {
    }

    /**
     * A switch on an axis: it reads {@code triggeredHigh} when the axis is at or below
     * {@code triggerPosition} ({@code atMinimum}) or at or above it, else the opposite.
     */
    public record Endstop(String pin, String stepPin, long triggerPosition, boolean atMinimum, boolean triggeredHigh) {
    }

    private final double ambient;
    private final List<Heater> heaters;
    private final List<Axis> axes;
    private final List<Endstop> endstops;

    private BoardWiring(Builder b) {
        this.ambient = b.ambient;
        this.heaters = List.copyOf(b.heaters);
        this.axes = List.copyOf(b.axes);
        this.endstops = List.copyOf(b.endstops);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The wiring of the built-in virtual printer (see the bundle's README). */
    public static BoardWiring virtualPrinter() {
        return builder()
                .heater(new Heater("PD0", "PA0", 4.0, 0.01, Thermistor.EPCOS_100K))
                .heater(new Heater("PD1", "PA1", 1.0, 0.007, Thermistor.EPCOS_100K))
                .axis(new Axis("PB0", 8000)).endstop(new Endstop("PC0", "PB0", 0, true, true))
                .axis(new Axis("PB3", 8000)).endstop(new Endstop("PC1", "PB3", 0, true, true))
                .axis(new Axis("PB6", 4000)).endstop(new Endstop("PC2", "PB6", 0, true, true))
                .build();
    }

    public double ambient() {
        return ambient;
    }

    public List<Heater> heaters() {
        return heaters;
    }

    public List<Axis> axes() {
        return axes;
    }

    public List<Endstop> endstops() {
        return endstops;
    }

    public static final class Builder {
        private double ambient = 25.0;
        private final List<Heater> heaters = new ArrayList<>();
        private final List<Axis> axes = new ArrayList<>();
        private final List<Endstop> endstops = new ArrayList<>();

        public Builder ambient(double celsius) {
            this.ambient = celsius;
            return this;
        }

        public Builder heater(Heater h) {
            heaters.add(h);
            return this;
        }

        public Builder axis(Axis a) {
            axes.add(a);
            return this;
        }

        public Builder endstop(Endstop e) {
            endstops.add(e);
            return this;
        }

        public BoardWiring build() {
            return new BoardWiring(this);
        }
    }
}
