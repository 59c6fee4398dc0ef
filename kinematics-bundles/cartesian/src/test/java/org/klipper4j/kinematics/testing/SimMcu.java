/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.kinematics.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.mcu.CommandQueue;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.api.mcu.McuDigitalOut;
import org.klipper4j.core.api.mcu.PinParams;

/** A 16 MHz MCU in batch mode that records config commands and sent commands with their clocks. */
public final class SimMcu implements InvocationHandler {
    static final double FREQ = 16_000_000.;

    /** A sent command: its first word, the scheduling clocks and the arguments. */
    public record Sent(String name, long minClock, long reqClock, Object[] args) {
        public long arg(int i) {
            return ((Number) args[i]).longValue();
        }
    }

    public final List<String> config = new ArrayList<>();
    final List<Runnable> configCallbacks = new ArrayList<>();
    public final List<Sent> sent = new ArrayList<>();
    /** Digital output changes: pin, clock, logical value. */
    public final List<String> digitalOut = new ArrayList<>();
    private final Printer printer;
    private int nextOid;
    public final Mcu proxy;

    SimMcu(Printer printer) {
        this.printer = printer;
        this.proxy = (Mcu) Proxy.newProxyInstance(Mcu.class.getClassLoader(), new Class<?>[] {Mcu.class}, this);
    }

    /** Builds the config as the MCU does at connect. */
    public void connect() {
        for (Runnable cb : configCallbacks) {
            cb.run();
        }
    }

    private McuDigitalOut digitalOut(String pin) {
        return new McuDigitalOut() {
            @Override
            public Mcu getMcu() {
                return proxy;
            }

            @Override
            public void setupMaxDuration(double maxDuration) {
            }

            @Override
            public void setupStartValue(boolean startValue, boolean shutdownValue) {
            }

            @Override
            public void setDigital(double printTime, boolean value) {
                digitalOut.add(pin + " " + (long) (printTime * FREQ) + " " + (value ? 1 : 0));
            }
        };
    }

    @Override
    public Object invoke(Object p, Method method, Object[] args) {
        switch (method.getName()) {
            case "getName":
                return "mcu";
            case "getPrinter":
                return printer;
            case "createOid":
                return nextOid++;
            case "registerConfigCallback":
                configCallbacks.add((Runnable) args[0]);
                return null;
            case "addConfigCommand":
                config.add((String) args[0]);
                return null;
            case "allocCommandQueue":
                return new CommandQueue() {
                };
            case "lookupCommand":
                String name = ((String) args[0]).split(" ")[0];
                return (McuCommand) (min, req, params) -> sent.add(new Sent(name, min, req, params));
            case "secondsToClock":
                return (long) ((Double) args[0] * FREQ);
            case "printTimeToClock":
                return (long) ((Double) args[0] * FREQ);
            case "clockToPrintTime":
                return ((Long) args[0]) / FREQ;
            case "estimatedPrintTime":
                return 0.0;
            case "getMaxStepperError":
                return 0.000025;
            case "isFileoutput":
                return true;
            case "setupPin":
                PinParams params = (PinParams) args[1];
                return digitalOut(params.pin());
            case "isShutdown":
                return false;
            case "hashCode":
                return System.identityHashCode(p);
            case "equals":
                return p == args[0];
            case "toString":
                return "SimMcu";
            default:
                throw new UnsupportedOperationException(method.getName());
        }
    }
}
