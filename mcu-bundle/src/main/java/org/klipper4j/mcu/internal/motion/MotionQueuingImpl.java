/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.motion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.klipper4j.core.api.ConfigSection;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.mcu.CommandQueue;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.motion.MotionQueuing;
import org.klipper4j.core.api.motion.Stepper;
import org.klipper4j.core.api.motion.StepperKinematics;
import org.klipper4j.core.api.motion.TrapQueue;
import org.klipper4j.core.api.reactor.Completion;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.reactor.ReactorTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Klipper's {@code motion_queuing}: decides when steps are generated and sent.
 * A background timer keeps step generation a little ahead of the MCUs; in batch
 * mode a deterministic schedule replaces wall-clock timing, as in Klipper.
 */
public final class MotionQueuingImpl implements MotionQueuing {
    private static final Logger LOG = LoggerFactory.getLogger(MotionQueuingImpl.class);

    static final double BGFLUSH_LOW_TIME = 0.200;
    static final double BGFLUSH_HIGH_TIME = 0.400;
    static final double BGFLUSH_SG_LOW_TIME = 0.450;
    static final double BGFLUSH_SG_HIGH_TIME = 0.700;
    static final double BGFLUSH_EXTRA_TIME = 0.250;
    static final double MOVE_HISTORY_EXPIRE = 30.;
    static final double MIN_KIN_TIME = 0.100;
    static final double STEPCOMPRESS_FLUSH_TIME = 0.050;
    /** Step+dir+step filter window of the compressor. */
    static final double SDS_CHECK_TIME = 0.001;
    static final double DRIP_SEGMENT_TIME = 0.050;
    static final double DRIP_TIME = 0.100;

    private final Printer printer;
    private final Reactor reactor;
    private final List<TrapQueueImpl> trapqs = new ArrayList<>();
    private final Map<Mcu, StepperSync> syncs = new LinkedHashMap<>();
    private final Map<Mcu, CommandQueue> queues = new LinkedHashMap<>();
    /** MCUs whose clock conversion was set by {@link #setMcuTime}; the rest get 0 offset at connect. */
    private final java.util.Set<Mcu> explicitTime = new java.util.HashSet<>();
    private final List<McuStepperImpl> steppers = new ArrayList<>();
    private List<FlushCallback> flushCallbacks = new ArrayList<>();
    private final Mcu mainMcu;
    private final StepGenerationPool stepGeneration;
    private boolean canPause;
    private final ReactorTimer flushTimer;
    private boolean doKickFlushTimer = true;
    private double kinFlushDelay = SDS_CHECK_TIME;
    private double lastFlushTime;
    private double lastStepGenTime;
    private double needFlushTime;
    private double needStepGenTime;

    public MotionQueuingImpl(Printer printer) {
        this.printer = printer;
        this.reactor = printer.getReactor();
        List<Map.Entry<String, Object>> mcus = printer.lookupObjects("mcu");
        this.mainMcu = mcus.isEmpty() ? null : (Mcu) mcus.get(0).getValue();
        this.canPause = mainMcu != null && !mainMcu.isFileoutput();
        this.stepGeneration = new StepGenerationPool(Math.min(4, Runtime.getRuntime().availableProcessors()));
        this.flushTimer = reactor.registerTimer(canPause ? this::flushHandler : this::flushHandlerBatch,
                Reactor.NEVER);
        registerFlushCallback(this::checkActiveSteppers, false);
        printer.registerEventHandler(PrinterEvents.SHUTDOWN, args -> {
            canPause = false;
        });
        printer.registerEventHandler(PrinterEvents.CONNECT, args -> {
            initClocks();
        });
        printer.registerEventHandler(PrinterEvents.DISCONNECT, args -> stepGeneration.shutdown());
    }

    /** The clock conversion of every MCU, once their frequencies are known. */
    private void initClocks() {
        for (Map.Entry<Mcu, StepperSync> e : syncs.entrySet()) {
            if (!explicitTime.contains(e.getKey())) {
                e.getValue().setTime(0., e.getKey().secondsToClock(1.));
            }
        }
    }

    // ---------------------------------------------------------------- trapqs and steppers

    @Override
    public TrapQueue allocateTrapq() {
        TrapQueueImpl tq = new TrapQueueImpl();
        trapqs.add(tq);
        return tq;
    }

    @Override
    public void wipeTrapq(TrapQueue trapq) {
        ((TrapQueueImpl) trapq).finalizeMoves(Reactor.NEVER, 0.);
    }

    @Override
    public Stepper createStepper(ConfigSection config, boolean unitsInRadians) {
        McuStepperImpl stepper = McuStepperImpl.fromConfig(config, unitsInRadians, this);
        addStepper(stepper);
        return stepper;
    }

    @Override
    public org.klipper4j.core.api.motion.Rail createRail(ConfigSection config, boolean needPositionMinMax,
            Double defaultPositionEndstop, boolean unitsInRadians) {
        return new PrinterRailImpl(config, needPositionMinMax, defaultPositionEndstop, unitsInRadians, this);
    }

    /** Registers a stepper's step generation with its MCU's step sync. */
    void addStepper(McuStepperImpl stepper) {
        steppers.add(stepper);
        syncFor(stepper.getMcu()).addEmitter(new StepperEmitter(stepper.getName(), stepper.solver(),
                stepper.compressor()));
    }

    @Override
    public List<Stepper> getSteppers() {
        return List.copyOf(steppers);
    }

    StepperSync syncFor(Mcu mcu) {
        return syncs.computeIfAbsent(mcu, m -> new StepperSync(m, 1.));
    }

    /** The command queue of an MCU's step commands (one per MCU, as Klipper's steppersync). */
    CommandQueue commandQueueFor(Mcu mcu) {
        return queues.computeIfAbsent(mcu, Mcu::allocCommandQueue);
    }

    @Override
    public void setupMcuMovequeue(Mcu mcu, int moveCount) {
        StepperSync ss = syncFor(mcu);
        ss.setupMoveQueue(moveCount);
        ss.setTime(0., mcu.secondsToClock(1.));
    }

    @Override
    public void setMcuTime(Mcu mcu, double timeOffset, double mcuFreq) {
        explicitTime.add(mcu);
        syncFor(mcu).setTime(timeOffset, mcuFreq);
    }

    // ---------------------------------------------------------------- flush callbacks

    @Override
    public void registerFlushCallback(FlushCallback callback, boolean canAddTrapq) {
        List<FlushCallback> cbs = new ArrayList<>(flushCallbacks);
        if (canAddTrapq) {
            cbs.add(0, callback);
        } else {
            cbs.add(callback);
        }
        flushCallbacks = cbs;
    }

    private void checkActiveSteppers(double flushTime, double stepGenTime) {
        for (McuStepperImpl s : steppers) {
            s.checkActive(flushTime, stepGenTime);
        }
    }

    @Override
    public double getKinFlushDelay() {
        return kinFlushDelay;
    }

    @Override
    public void checkStepGenerationScanWindows() {
        double delay = SDS_CHECK_TIME;
        for (McuStepperImpl s : steppers) {
            StepperKinematics sk = s.getStepperKinematics();
            if (sk == null || s.getTrapq() == null) {
                continue;
            }
            delay = Math.max(delay, Math.max(sk.genStepsPreActive(), sk.genStepsPostActive()));
        }
        kinFlushDelay = delay;
    }

    // ---------------------------------------------------------------- flushing

    private void advanceFlushTime(double wantFlushTime, double wantStepGenTime) {
        double flushTime = Math.max(Math.max(wantFlushTime, lastFlushTime),
                wantStepGenTime - STEPCOMPRESS_FLUSH_TIME);
        double stepGenTime = Math.max(Math.max(wantStepGenTime, lastStepGenTime), flushTime);
        for (FlushCallback cb : flushCallbacks) {
            cb.onFlush(flushTime, stepGenTime);
        }
        // objects that queue their own timed commands (output pins, fans) send what is now due
        for (Map.Entry<String, Object> e : printer.lookupObjects("mcu")) {
            if (e.getValue() instanceof org.klipper4j.mcu.internal.host.McuImpl mcu) {
                mcu.runFlushCallbacks(flushTime);
            }
        }
        double trapqFreeTime = stepGenTime - kinFlushDelay;
        // keep 30 s of move history (for homing and position reports)
        double clearHistory;
        if (canPause) {
            clearHistory = Math.max(0., mainMcu.estimatedPrintTime(reactor.monotonic()) - MOVE_HISTORY_EXPIRE);
        } else {
            clearHistory = Math.max(0., trapqFreeTime - MOVE_HISTORY_EXPIRE);
        }
        generateSteps(flushTime, stepGenTime);
        lastFlushTime = flushTime;
        lastStepGenTime = stepGenTime;
        for (TrapQueueImpl tq : trapqs) {
            tq.finalizeMoves(trapqFreeTime, clearHistory);
        }
    }

    private void generateSteps(double flushTime, double stepGenTime) {
        for (TrapQueueImpl tq : trapqs) {
            tq.checkSentinels();
        }
        for (StepperSync ss : syncs.values()) {
            long flushClock = ss.clockFromTime(flushTime);
            stepGeneration.generate(ss.emitters(), stepGenTime, flushClock);
            ss.flush(flushClock);
        }
    }

    private void awaitFlushTime(double wantFlushTime) {
        while (true) {
            if (lastFlushTime >= wantFlushTime || !canPause) {
                return;
            }
            double systime = reactor.monotonic();
            double estPrintTime = mainMcu.estimatedPrintTime(systime);
            double wait = wantFlushTime - BGFLUSH_HIGH_TIME - estPrintTime;
            if (wait <= 0.) {
                return;
            }
            reactor.pause(systime + Math.min(1., wait));
        }
    }

    @Override
    public void flushAllSteps() {
        double flushTime = needStepGenTime;
        awaitFlushTime(flushTime);
        advanceFlushTime(flushTime, 0.);
    }

    @Override
    public double calcStepGenRestart(double estPrintTime) {
        double kinTime = Math.max(estPrintTime + MIN_KIN_TIME, lastStepGenTime);
        return kinTime + kinFlushDelay;
    }

    private double flushHandler(double eventtime) {
        try {
            double estPrintTime = mainMcu.estimatedPrintTime(eventtime);
            double aggrSgTime = needStepGenTime - 2. * kinFlushDelay;
            if (lastStepGenTime < aggrSgTime) {
                // actively stepping: flush more aggressively
                double wantSgTime = estPrintTime + BGFLUSH_SG_HIGH_TIME;
                double batchTime = BGFLUSH_SG_HIGH_TIME - BGFLUSH_SG_LOW_TIME;
                double nextBatchTime = lastStepGenTime + batchTime;
                if (nextBatchTime > estPrintTime) {
                    if (nextBatchTime > wantSgTime + 0.005) {
                        nextBatchTime = lastStepGenTime;
                    }
                    wantSgTime = nextBatchTime;
                }
                wantSgTime = Math.min(wantSgTime, aggrSgTime);
                if (wantSgTime > lastStepGenTime) {
                    advanceFlushTime(0., wantSgTime);
                }
            } else {
                double wantFlushTime = estPrintTime + BGFLUSH_HIGH_TIME;
                double maxFlushTime = needFlushTime + BGFLUSH_EXTRA_TIME;
                wantFlushTime = Math.min(wantFlushTime, maxFlushTime);
                if (wantFlushTime > lastFlushTime) {
                    advanceFlushTime(wantFlushTime, 0.);
                }
            }
            aggrSgTime = needStepGenTime - 2. * kinFlushDelay;
            double waketime;
            if (lastStepGenTime < aggrSgTime) {
                waketime = lastStepGenTime - BGFLUSH_SG_LOW_TIME;
            } else {
                doKickFlushTimer = true;
                double maxFlushTime = needFlushTime + BGFLUSH_EXTRA_TIME;
                if (lastFlushTime >= maxFlushTime) {
                    return Reactor.NEVER;
                }
                waketime = lastFlushTime - BGFLUSH_LOW_TIME;
            }
            return eventtime + waketime - estPrintTime;
        } catch (RuntimeException e) {
            LOG.error("Exception in flush_handler", e);
            printer.invokeShutdown("Exception in flush_handler");
        }
        return Reactor.NEVER;
    }

    /** Batch mode: flush on a fixed schedule so the output does not depend on timing. */
    private double flushHandlerBatch(double eventtime) {
        try {
            double fauxTime = needFlushTime - 1.5;
            double batchTime = BGFLUSH_SG_HIGH_TIME - BGFLUSH_SG_LOW_TIME;
            int flushCount = 0;
            while (lastStepGenTime < fauxTime) {
                double target = lastStepGenTime + batchTime;
                if (flushCount > 100 && fauxTime > target) {
                    target += (int) ((fauxTime - target) / batchTime) * batchTime;
                }
                advanceFlushTime(0., target);
                flushCount++;
            }
            if (flushCount != 0) {
                return Reactor.NOW;
            }
            advanceFlushTime(needFlushTime + BGFLUSH_EXTRA_TIME, 0.);
            doKickFlushTimer = true;
            return Reactor.NEVER;
        } catch (RuntimeException e) {
            LOG.error("Exception in flush_handler_debug", e);
            printer.invokeShutdown("Exception in flush_handler_debug");
        }
        return Reactor.NEVER;
    }

    @Override
    public void noteMcuMovequeueActivity(double mqTime, boolean isStepGen) {
        if (isStepGen) {
            mqTime += kinFlushDelay;
            needStepGenTime = Math.max(needStepGenTime, mqTime);
        }
        needFlushTime = Math.max(needFlushTime, mqTime);
        if (doKickFlushTimer) {
            doKickFlushTimer = false;
            reactor.updateTimer(flushTimer, Reactor.NOW);
        }
    }

    @Override
    public void dripUpdateTime(double startTime, double endTime, Completion<?> dripCompletion) {
        awaitFlushTime(startTime);
        // no background flushing while dripping
        reactor.updateTimer(flushTimer, Reactor.NEVER);
        doKickFlushTimer = false;
        advanceFlushTime(startTime, 0.);
        double flushTime = startTime;
        while (flushTime < endTime) {
            if (dripCompletion.isDone()) {
                break;
            }
            double curtime = reactor.monotonic();
            double estPrintTime = mainMcu.estimatedPrintTime(curtime);
            double waitTime = flushTime - estPrintTime - DRIP_TIME;
            if (waitTime > 0. && canPause) {
                dripCompletion.await(curtime + waitTime, null);
                continue;
            }
            flushTime = Math.min(flushTime + DRIP_SEGMENT_TIME, endTime);
            noteMcuMovequeueActivity(flushTime, true);
            advanceFlushTime(flushTime, 0.);
        }
        reactor.updateTimer(flushTimer, Reactor.NOW);
        advanceFlushTime(flushTime + kinFlushDelay, 0.);
    }

    /** For tests: the last step generation time. */
    double getLastStepGenTime() {
        return lastStepGenTime;
    }

    double getLastFlushTime() {
        return lastFlushTime;
    }
}
