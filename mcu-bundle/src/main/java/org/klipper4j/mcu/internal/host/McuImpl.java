/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.Printer;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.api.StatsSource;
import org.klipper4j.core.api.mcu.CommandQueue;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.api.mcu.McuCommand;
import org.klipper4j.core.api.mcu.McuQueryCommand;
import org.klipper4j.core.api.mcu.McuResponseHandler;
import org.klipper4j.core.api.mcu.PinParams;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.mcu.internal.clock.ClockSync;
import org.klipper4j.mcu.internal.clock.SecondaryClockSync;
import org.klipper4j.mcu.internal.link.McuLinkOpener;
import org.klipper4j.mcu.internal.link.ReactorPause;
import org.klipper4j.mcu.internal.link.UsbHubPower;
import org.klipper4j.mcu.internal.objects.McuObjectFactory;
import org.klipper4j.mcu.internal.pins.PinResolver;
import org.klipper4j.mcu.internal.pins.PinsRegistry;
import org.klipper4j.mcu.protocol.DataDictionary;
import org.klipper4j.mcu.protocol.Enumeration;
import org.klipper4j.mcu.protocol.MessageFormat;
import org.klipper4j.mcu.protocol.MessageParam;
import org.klipper4j.mcu.protocol.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One micro-controller, as Klipper's MCU class: identifies the firmware at
 * {@code klippy:mcu_identify} (or reads the dictionary file in batch mode), builds and
 * sends the config at {@code klippy:connect} (skipped when the firmware reports the same
 * CRC), keeps the clock in sync, turns MCU shutdowns into printer shutdowns, sends
 * {@code emergency_stop} when the host shuts down, and restarts the firmware on request.
 */
public final class McuImpl implements Mcu, StatsSource {
    private static final Logger LOG = LoggerFactory.getLogger(McuImpl.class);
    private static final Pattern UNKNOWN_PIN = Pattern.compile("Unknown value '(.*)' in enumeration 'pin'");

    private final Printer printer;
    private final Reactor reactor;
    private final McuOptions options;
    private final McuLinkOpener linkOpener;
    private final RestartTracker restarts;
    private final boolean fileoutput;
    private final ClockSync clockSync;
    private final McuConfig config = new McuConfig();
    private final List<DoubleConsumer> flushCallbacks = new ArrayList<>();
    private final Map<String, Object> statusInfo = new LinkedHashMap<>();
    private final Map<List<Object>, McuResponseHandler> responseHandlers = new LinkedHashMap<>();
    private final org.klipper4j.mcu.internal.serial.CommandQueue defaultQueue =
            new org.klipper4j.mcu.internal.serial.CommandQueue();

    private String restartMethod;
    private DataDictionary dict;
    private McuChannel channel;
    private double mcuFreq;
    private MessageFormat emergencyStopCmd;
    private MessageFormat resetCmd;
    private MessageFormat configResetCmd;
    private boolean isMcuBridge;
    private volatile boolean isShutdown;
    private volatile UsbHubPower usbHubPower = UsbHubPower.viaHubCtrl();
    private boolean isTimeout;
    private long shutdownClock;
    private String shutdownMsg = "";
    private int moveCount;
    private int reservedMoveSlots;
    private ClockPoller clockPoller;
    private McuLoadStats loadStats;
    private double connectTimeout = 90.;

    /** Tracks which MCUs already tried an automated restart, so a failing one is not restarted forever. */
    public interface RestartTracker {
        /** Returns true the first time for a name (a restart may be tried), false while it is pending. */
        boolean tryRestart(String mcuName);

        /** The MCU connected: a later CRC mismatch may restart it again. */
        void connected(String mcuName);
    }

    /**
     * @param mainMcu the main MCU for a secondary ({@code [mcu NAME]}) one, else null
     */
    public McuImpl(Printer printer, McuOptions options, McuLinkOpener linkOpener, RestartTracker restarts,
            McuImpl mainMcu) {
        this.printer = printer;
        this.reactor = printer.getReactor();
        this.options = options;
        this.linkOpener = linkOpener;
        this.restarts = restarts;
        this.restartMethod = options.restartMethod();
        this.fileoutput = printer.getStartArgs().isBatch();
        this.clockSync = mainMcu == null ? new ClockSync() : new SecondaryClockSync(mainMcu.clockSync);
        PinsRegistry.ensure(printer).registerChip(options.name(), this);
        printer.registerEventHandler(PrinterEvents.FIRMWARE_RESTART, a -> firmwareRestart(false));
        printer.registerEventHandler(PrinterEvents.MCU_IDENTIFY, a -> identify());
        printer.registerEventHandler(PrinterEvents.CONNECT, a -> connect());
        printer.registerEventHandler(PrinterEvents.SHUTDOWN, a -> emergencyStop(false));
        printer.registerEventHandler(PrinterEvents.DISCONNECT, a -> disconnect());
        printer.registerEventHandler(PrinterEvents.READY, a -> checkFrequency());
    }

    /** How long identify keeps retrying before "Unable to connect" (Klipper: 90 s). */
    void setConnectTimeout(double seconds) {
        this.connectTimeout = seconds;
    }

    private String prefix() {
        return "mcu '" + options.name() + "': ";
    }

    // ---------------------------------------------------------------- identify

    void identify() {
        if (fileoutput) {
            connectFile();
        } else {
            connectLive();
        }
        LOG.info(logInfo());
        PinResolver resolver = PinsRegistry.ensure(printer).getPinResolver(options.name());
        for (Map.Entry<String, Object> c : dict.constants().entrySet()) {
            if (c.getKey().startsWith("RESERVE_PINS_")) {
                for (String pin : String.valueOf(c.getValue()).split(",")) {
                    resolver.reservePin(pin.strip(), c.getKey().substring(13));
                }
            }
        }
        mcuFreq = getConstantFloat("CLOCK_FREQ");
        loadStats = new McuLoadStats(mcuFreq, getConstantFloat("STATS_SUMSQ_BASE"));
        emergencyStopCmd = lookupFormat("emergency_stop");
        resetCmd = dict.byName("reset");
        configResetCmd = dict.byName("config_reset");
        boolean extOnly = resetCmd == null && configResetCmd == null;
        if (restartMethod == null && !dict.constants().containsKey("SERIAL_BAUD") && !extOnly) {
            restartMethod = "command";
        }
        if (ParamValues.toLong(dict.constants().getOrDefault("CANBUS_BRIDGE", 0L)) != 0) {
            isMcuBridge = true;
            printer.registerEventHandler(PrinterEvents.FIRMWARE_RESTART, a -> firmwareRestart(true));
        }
        statusInfo.put("mcu_version", dict.version());
        statusInfo.put("mcu_build_versions", dict.buildVersions());
        statusInfo.put("mcu_constants", Collections.unmodifiableMap(new LinkedHashMap<>(dict.constants())));
        registerResponse(this::handleShutdown, "shutdown", null);
        registerResponse(this::handleShutdown, "is_shutdown", null);
        McuLoadStats stats = loadStats;
        registerResponse(stats::handle, "stats", null);
    }

    private void connectFile() {
        StartArgs args = printer.getStartArgs();
        boolean main = options.name().equals("mcu");
        Path dictFile = args.dictionaries().get(options.name());
        if (dictFile == null) {
            throw new ConfigException("No data dictionary for MCU '" + options.name() + "' (give it with -d "
                    + (main ? "" : options.name() + "=") + "FILE)");
        }
        Path out = args.outputFile().orElseThrow();
        if (!main) {
            out = Path.of(out + "-" + options.name());
        }
        try {
            dict = DataDictionary.load(dictFile);
        } catch (IOException e) {
            throw new ConfigException("Unable to read data dictionary " + dictFile + ": " + e.getMessage(), e);
        } catch (ProtocolException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        channel = new BatchChannel(out);
        clockSync.startFile(dict.clockFreq());
    }

    private void connectLive() {
        LiveConnector.Connection connection = new LiveConnector(reactor, options, linkOpener)
                .connect(connectTimeout, this::linkLost);
        LiveChannel live = connection.channel();
        dict = connection.dict();
        channel = live;
        responseHandlers.forEach((k, h) -> live.registerResponse((String) k.get(0), (Integer) k.get(1), h));
        clockPoller = new ClockPoller(reactor, live, clockSync);
        clockPoller.start(dict, this::checkActive);
    }

    private void linkLost() {
        if (!isShutdown && !isTimeout) {
            reactor.registerAsyncCallback(t -> {
                if (!isTimeout && channel != null) {
                    isTimeout = true;
                    printer.invokeShutdown("Lost communication with MCU '" + options.name() + "'");
                }
            });
        }
    }

    /** Klipper's check_active: shuts the printer down once the MCU stops answering clock queries. */
    public void checkActive(double eventtime) {
        if (clockSync.isActive() || fileoutput || isTimeout) {
            return;
        }
        isTimeout = true;
        LOG.info(String.format(Locale.ROOT, "Timeout with MCU '%s' (eventtime=%f)", options.name(), eventtime));
        printer.invokeShutdown("Lost communication with MCU '" + options.name() + "'");
    }

    private String logInfo() {
        return String.format(Locale.ROOT, "Loaded MCU '%s' %d commands (%s / %s)\nMCU '%s' config: %s",
                options.name(), dict.messages().size(), dict.version(), dict.buildVersions(), options.name(),
                String.join(" ", dict.constants().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .toList()));
    }

    // ---------------------------------------------------------------- connect and config

    void connect() {
        Map<String, Object> cfg = getConfig();
        if (ParamValues.toLong(cfg.get("is_config")) == 0) {
            if ("rpi_usb".equals(restartMethod)) {
                checkRestart("full reset before config");
            }
            sendConfig(null);
            cfg = getConfig();
            if (ParamValues.toLong(cfg.get("is_config")) == 0 && !fileoutput) {
                throw new ConfigException("Unable to configure MCU '" + options.name() + "'");
            }
        } else {
            sendConfig(ParamValues.toLong(cfg.get("crc")));
        }
        moveCount = (int) ParamValues.toLong(cfg.get("move_count"));
        if (moveCount < reservedMoveSlots) {
            throw new ConfigException("Too few moves available on MCU '" + options.name() + "'");
        }
        LOG.info("Configured MCU '{}' ({} moves)", options.name(), moveCount);
        restarts.connected(options.name());
    }

    private Map<String, Object> getConfig() {
        McuQueryCommand get = lookupQueryCommand("get_config",
                "config is_config=%c crc=%u is_shutdown=%c move_count=%hu", -1, null, false);
        if (fileoutput) {
            return Map.of("is_config", 0L, "move_count", 500L, "crc", 0L);
        }
        Map<String, Object> params = get.send();
        if (isShutdown) {
            throw new ConfigException("MCU '" + options.name() + "' error during config: " + shutdownMsg);
        }
        if (ParamValues.toLong(params.get("is_shutdown")) != 0) {
            throw new ConfigException("Can not update MCU '" + options.name() + "' config as it is shutdown");
        }
        return params;
    }

    private void sendConfig(Long prevCrc) {
        long crc = config.build(PinsRegistry.ensure(printer).getPinResolver(options.name()));
        if (prevCrc != null && crc != prevCrc) {
            checkRestart("CRC mismatch");
            throw new ConfigException("MCU '" + options.name() + "' CRC does not match config");
        }
        registerResponse(this::handleStarting, "starting", null);
        try {
            if (prevCrc == null) {
                LOG.info("Sending MCU '{}' printer configuration...", options.name());
                for (String c : config.configCommands()) {
                    sendText(c);
                }
            } else {
                for (String c : config.restartCommands()) {
                    sendText(c);
                }
            }
            for (String c : config.initCommands()) {
                sendText(c);
            }
        } catch (ProtocolException e) {
            Matcher m = UNKNOWN_PIN.matcher(e.getMessage());
            if (m.find()) {
                throw new ConfigException("Pin '" + m.group(1) + "' is not a valid pin name on mcu '"
                        + options.name() + "'", e);
            }
            throw new ConfigException(prefix() + e.getMessage(), e);
        }
    }

    private void sendText(String command) {
        byte[] msg = dict.createCommand(command);
        sendRaw(msg, 0, msg.length, defaultQueue, 0, 0);
    }

    private void checkRestart(String reason) {
        if (!restarts.tryRestart(options.name())) {
            return;
        }
        LOG.info("Attempting automated MCU '{}' restart: {}", options.name(), reason);
        printer.requestExit("firmware_restart");
        ReactorPause.pause(reactor, 2.000);
        throw new ConfigException("Attempt MCU '" + options.name() + "' restart failed");
    }

    private void handleStarting(Map<String, Object> params) {
        if (!isShutdown) {
            printer.invokeAsyncShutdown("MCU '" + options.name() + "' spontaneous restart");
        }
    }

    private void checkFrequency() {
        if (fileoutput || channel == null) {
            return;
        }
        double systime = reactor.monotonic();
        double calcFreq = clockSync.getClock(systime + 1) - clockSync.getClock(systime);
        long mcuMhz = (long) (mcuFreq / 1000000. + 0.5);
        long calcMhz = (long) (calcFreq / 1000000. + 0.5);
        if (Math.abs(mcuFreq - calcFreq) > mcuFreq * 0.01 && mcuMhz != calcMhz) {
            LOG.warn("MCU '{}' configured for {}Mhz but running at {}Mhz!", options.name(), mcuMhz, calcMhz);
        }
    }

    // ---------------------------------------------------------------- shutdown, restart, disconnect

    private void handleShutdown(Map<String, Object> params) {
        if (isShutdown) {
            return;
        }
        isShutdown = true;
        Object clock = params.get("clock");
        if (clock != null) {
            shutdownClock = clock32ToClock64(ParamValues.toLong(clock));
        }
        shutdownMsg = staticString(params.get("static_string_id"));
        String event = String.valueOf(params.get("#name"));
        String prefix = "is_shutdown".equals(event) ? "Previous MCU '" + options.name() + "' shutdown: "
                : "MCU '" + options.name() + "' shutdown: ";
        LOG.info("MCU '{}' {}: {}\n{}\n{}", options.name(), event, shutdownMsg, clockSync.dumpDebug(),
                channel == null ? "" : channel.stats());
        printer.invokeAsyncShutdown(prefix + shutdownMsg);
    }

    private String staticString(Object id) {
        if (id instanceof String s) {
            return s;
        }
        String text = id == null ? null : dict.staticString((int) ParamValues.toLong(id));
        return text != null ? text : "Unknown static string " + id;
    }

    /** Sends {@code emergency_stop} unless the MCU is already shut down ({@code force}: regardless). */
    private void emergencyStop(boolean force) {
        if (emergencyStopCmd == null || channel == null || (isShutdown && !force)) {
            return;
        }
        sendNow(emergencyStopCmd);
    }

    private void firmwareRestart(boolean force) {
        if (isMcuBridge && !force) {
            return;
        }
        new FirmwareRestarter(this, reactor, usbHubPower).restart(restartMethod, options.serial(), resetCmd,
                configResetCmd);
    }

    /** How {@code restart_method: rpi_usb} switches the USB power (tests replace Klipper's hub-ctrl). */
    public void setUsbHubPower(UsbHubPower power) {
        this.usbHubPower = power;
    }

    /** True while the MCU answers its clock queries. */
    boolean isLinkActive() {
        return channel != null && clockSync.isActive();
    }

    /** Before {@code config_reset}: the firmware must be shut down, so force an emergency stop. */
    void shutDownForReset() {
        isShutdown = true;
        emergencyStop(true);
    }

    /** Sends a parameterless command at once on the default queue. */
    void sendNow(MessageFormat command) {
        byte[] msg = command.encode();
        sendRaw(msg, 0, msg.length, defaultQueue, 0, 0);
    }

    void disconnect() {
        if (clockPoller != null) {
            clockPoller.stop();
            clockPoller = null;
        }
        McuChannel c = channel;
        if (fileoutput) {
            // the output file stays writable for handlers that flush after this one
            if (c != null) {
                c.close();
            }
            return;
        }
        channel = null;
        if (c != null) {
            c.close();
        }
    }

    // ---------------------------------------------------------------- sending

    /** Queues an encoded message; the step pipeline sends its {@code queue_step} messages this way. */
    public void sendRaw(byte[] msg, int off, int len, org.klipper4j.mcu.internal.serial.CommandQueue queue,
            long minClock, long reqClock) {
        McuChannel c = channel;
        if (c == null) {
            LOG.debug("{}not connected; message dropped", prefix());
            return;
        }
        c.send(msg, off, len, queue == null ? defaultQueue : queue, minClock, reqClock);
    }

    Map<String, Object> query(byte[] msg, MessageFormat response, Integer oid,
            org.klipper4j.mcu.internal.serial.CommandQueue queue, long minClock, long reqClock) {
        if (fileoutput) {
            sendRaw(msg, 0, msg.length, queue, minClock, reqClock);
            return zeroResponse(response);
        }
        if (!(channel instanceof LiveChannel live)) {
            throw new ConfigException(prefix() + "not connected; unable to obtain '" + response.name()
                    + "' response");
        }
        Map<String, Object> params = QueryRunner.run(reactor, live, msg, response.name(), oid,
                queue == null ? defaultQueue : queue, minClock, reqClock, Reactor.NEVER);
        if (params == null) {
            throw new ConfigException("Unable to obtain '" + response.name() + "' response");
        }
        return params;
    }

    private static Map<String, Object> zeroResponse(MessageFormat response) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (MessageParam p : response.params()) {
            params.put(p.name(), p.type().isString() ? new byte[0] : (Object) 0L);
        }
        params.put("#name", response.name());
        params.put("#sent_time", 0.);
        params.put("#receive_time", 0.);
        return params;
    }

    // ---------------------------------------------------------------- Mcu API

    @Override
    public String getName() {
        return options.name();
    }

    @Override
    public Printer getPrinter() {
        return printer;
    }

    @Override
    public Object setupPin(String pinType, PinParams params) {
        return McuObjectFactory.create(pinType, this, params);
    }

    @Override
    public int createOid() {
        return config.createOid();
    }

    @Override
    public void registerConfigCallback(Runnable callback) {
        config.registerCallback(callback);
    }

    @Override
    public void addConfigCommand(String command, boolean isInit, boolean onRestart) {
        config.add(command, isInit, onRestart);
    }

    @Override
    public CommandQueue allocCommandQueue() {
        return new org.klipper4j.mcu.internal.serial.CommandQueue();
    }

    private DataDictionary requireDict() {
        if (dict == null) {
            throw new ConfigException(prefix() + "the firmware is not identified yet (look commands up in a"
                    + " config callback or at klippy:connect)");
        }
        return dict;
    }

    private MessageFormat lookupFormat(String format) {
        try {
            return requireDict().lookupCommand(format);
        } catch (ProtocolException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    private MessageFormat lookupResponse(String format) {
        String name = format.strip().split("\\s+")[0];
        MessageFormat f = requireDict().byName(name);
        if (f == null) {
            throw new ConfigException("Unknown response: " + name);
        }
        if (format.contains("=") && !format.strip().equals(f.format())) {
            throw new ConfigException("Response format mismatch: " + format + " vs " + f.format());
        }
        return f;
    }

    private static org.klipper4j.mcu.internal.serial.CommandQueue internalQueue(CommandQueue queue) {
        if (queue == null) {
            return null;
        }
        if (queue instanceof org.klipper4j.mcu.internal.serial.CommandQueue q) {
            return q;
        }
        throw new IllegalArgumentException("Command queue not made by allocCommandQueue: " + queue);
    }

    @Override
    public McuCommand lookupCommand(String format, CommandQueue queue) {
        org.klipper4j.mcu.internal.serial.CommandQueue q = internalQueue(queue);
        return new McuCommandImpl(this, lookupFormat(format), q == null ? defaultQueue : q);
    }

    @Override
    public McuQueryCommand lookupQueryCommand(String format, String responseFormat, int oid, CommandQueue queue,
            boolean isAsync) {
        org.klipper4j.mcu.internal.serial.CommandQueue q = internalQueue(queue);
        return new McuQueryCommandImpl(this, lookupFormat(format), lookupResponse(responseFormat),
                oid < 0 ? null : oid, q == null ? defaultQueue : q);
    }

    @Override
    public boolean hasCommand(String format) {
        return requireDict().hasFormat(format);
    }

    @Override
    public int lookupCommandTag(String format) {
        return lookupFormat(format).id();
    }

    @Override
    public void registerResponse(McuResponseHandler handler, String name, Integer oid) {
        // kept so handlers registered before the link exists (or across reconnects) are installed
        List<Object> key = java.util.Arrays.asList(name, oid);
        if (handler == null) {
            responseHandlers.remove(key);
        } else {
            responseHandlers.put(key, handler);
        }
        McuChannel c = channel;
        if (c != null) {
            c.registerResponse(name, oid, handler);
        }
    }

    @Override
    public Map<String, Object> getConstants() {
        return requireDict().constants();
    }

    @Override
    public double getConstantFloat(String name) {
        Object v = requireDict().constants().get(name);
        if (v == null) {
            throw new ConfigException("Firmware constant '" + name + "' not found");
        }
        try {
            return ParamValues.toDouble(v);
        } catch (NumberFormatException e) {
            throw new ConfigException("Unable to parse firmware constant " + name + ": " + v);
        }
    }

    @Override
    public Map<String, Map<String, Integer>> getEnumerations() {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Enumeration> e : requireDict().enumerations().entrySet()) {
            out.put(e.getKey(), e.getValue().values());
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public long printTimeToClock(double printTime) {
        return clockSync.printTimeToClock(printTime);
    }

    @Override
    public double clockToPrintTime(long clock) {
        return clockSync.clockToPrintTime(clock);
    }

    @Override
    public long secondsToClock(double seconds) {
        return (long) (seconds * mcuFreq);
    }

    /** Klipper's seconds_to_clock inverse. */
    public double clockToSeconds(long clock) {
        return clock / mcuFreq;
    }

    @Override
    public long clock32ToClock64(long clock32) {
        return clockSync.clock32ToClock64(clock32);
    }

    @Override
    public double estimatedPrintTime(double eventtime) {
        // batch mode: the MCU is never ahead of print time 0 (Klipper's file output without pacing)
        return fileoutput ? 0. : clockSync.estimatedPrintTime(eventtime);
    }

    /** The offset and frequency turning print time into this MCU's clock at {@code printTime} (steppersync). */
    public double[] calibrateClock(double printTime, double eventtime) {
        return clockSync.calibrateClock(printTime, eventtime);
    }

    @Override
    public double getMaxStepperError() {
        return options.maxStepperError();
    }

    @Override
    public long getQuerySlot(int oid) {
        long slot = secondsToClock(oid * .01);
        long t = (long) (estimatedPrintTime(reactor.monotonic()) + 1.5);
        return printTimeToClock(t) + slot;
    }

    @Override
    public void registerFlushCallback(DoubleConsumer callback) {
        flushCallbacks.add(callback);
    }

    /** Runs the flush callbacks (called by the step pipeline when moves up to {@code printTime} are flushed). */
    public void runFlushCallbacks(double printTime) {
        for (DoubleConsumer cb : flushCallbacks) {
            cb.accept(printTime);
        }
    }

    /** Reserves move queue slots on the MCU for objects that queue moves outside the step pipeline. */
    public void requestMoveQueueSlot() {
        reservedMoveSlots++;
    }

    /** The move queue size from {@code get_config}, less the reserved slots. */
    public int getMoveCount() {
        return moveCount - reservedMoveSlots;
    }

    @Override
    public boolean isFileoutput() {
        return fileoutput;
    }

    @Override
    public boolean isShutdown() {
        return isShutdown;
    }

    /** The shutdown clock (64 bit) of the last MCU shutdown, 0 if none. */
    public long getShutdownClock() {
        return shutdownClock;
    }

    /** The config CRC sent in {@code finalize_config} (-1 before connect). */
    public long getConfigCrc() {
        return config.crc();
    }

    @Override
    public Map<String, Object> getStatus(double eventtime) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(statusInfo));
    }

    @Override
    public Stats stats(double eventtime) {
        McuChannel c = channel;
        String text = String.join(" ", loadStats == null ? "" : loadStats.text(), c == null ? "" : c.stats(),
                clockSync.stats()).strip().replaceAll(" +", " ");
        statusInfo.put("last_stats", McuLoadStats.parse(text));
        return new Stats(false, options.name() + ": " + text);
    }
}
