/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.mcu.internal.host;

import org.klipper4j.testkit.ReactorPrinter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.PrinterEvents;
import org.klipper4j.core.api.mcu.Mcu;
import org.klipper4j.core.internal.config.PrinterConfig;
import org.klipper4j.mcu.internal.link.McuLinkOpener;

/** The MCU connect lifecycle against an in-memory firmware with Klipper's Linux-process dictionary. */
class McuLifecycleTest {
    private static final String DICT = "/org/klipper4j/mcu/protocol/dict/linuxprocess.dict";
    private static final String DS18B20 = "config_ds18b20 oid=0 serial=3132333435363738 max_error_count=4";

    @TempDir
    Path dir;
    private ReactorPrinter printer;

    @AfterEach
    void stop() throws Exception {
        if (printer != null) {
            printer.close();
        }
    }

    private McuImpl mcuWith(FakeFirmware firmware) throws Exception {
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, "[mcu]\nserial: fake:board\n");
        printer = new ReactorPrinter(ReactorPrinter.liveArgs(cfg));
        McuLinkOpener opener = new McuLinkOpener();
        opener.addProvider("fake", (address, baud) -> firmware);
        McuModule module = new McuModule(opener);
        return printer.call(() -> {
            McuImpl mcu = (McuImpl) module.load(PrinterConfig.load(printer, cfg).section("mcu"));
            printer.addObject("mcu", mcu);
            mcu.registerConfigCallback(() -> mcu.addConfigCommand(DS18B20.replace("oid=0",
                    "oid=" + mcu.createOid())));
            return mcu;
        });
    }

    private void identifyAndConnect() throws Exception {
        printer.run(() -> {
            printer.sendEvent(PrinterEvents.MCU_IDENTIFY);
            printer.sendEvent(PrinterEvents.CONNECT);
        });
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void connectIdentifiesSendsTheConfigWithKlippersCrcAndReportsStatus() throws Exception {
        FakeFirmware firmware = new FakeFirmware(DICT);
        McuImpl mcu = mcuWith(firmware);
        identifyAndConnect();

        List<String> config = firmware.received.stream()
                .filter(s -> s.startsWith("allocate_oids") || s.startsWith("config_") || s.startsWith("finalize"))
                .toList();
        // the CRC Klipper sent for the same config (reference linuxtest case)
        assertEquals(List.of("allocate_oids count=1", DS18B20, "finalize_config crc=349845466"), config);
        assertTrue(firmware.isConfig);
        assertEquals(2, firmware.receivedNamed("get_config").size(), "queried before and after configuring");

        Map<String, Object> status = printer.call(() -> mcu.getStatus(0.));
        assertEquals("v0.13.0-730-g84104bbbd", status.get("mcu_version"));
        assertEquals("linux", ((Map<?, ?>) status.get("mcu_constants")).get("MCU"));
        assertEquals(50_000_000.0, printer.call(() -> mcu.getConstantFloat("CLOCK_FREQ")));
        assertEquals(1024, mcu.getMoveCount());
    }

    @Test
    void unchangedConfigIsNotSentAgain() throws Exception {
        FakeFirmware firmware = new FakeFirmware(DICT);
        firmware.isConfig = true;
        firmware.configCrc = 349845466L;
        mcuWith(firmware);
        identifyAndConnect();
        assertTrue(firmware.receivedNamed("allocate_oids").isEmpty(), firmware.received.toString());
        assertTrue(firmware.receivedNamed("finalize_config").isEmpty());
        assertTrue(printer.exits.isEmpty());
    }

    @Test
    void changedConfigAsksForAFirmwareRestart() throws Exception {
        FakeFirmware firmware = new FakeFirmware(DICT);
        firmware.isConfig = true;
        firmware.configCrc = 12345L;
        mcuWith(firmware);
        ConfigException e = assertThrows(ConfigException.class, this::identifyAndConnect);
        assertEquals("Attempt MCU 'mcu' restart failed", e.getMessage());
        assertEquals(List.of("firmware_restart"), printer.exits);
    }

    @Test
    void mcuShutdownBecomesAPrinterShutdownWithTheStaticString() throws Exception {
        FakeFirmware firmware = new FakeFirmware(DICT);
        McuImpl mcu = mcuWith(firmware);
        identifyAndConnect();
        firmware.shutdown("ADC out of range");
        waitFor("shutdown", () -> !printer.shutdowns.isEmpty());
        assertEquals(List.of("MCU 'mcu' shutdown: ADC out of range"), printer.shutdowns);
        assertTrue(mcu.isShutdown());
        assertTrue(firmware.receivedNamed("emergency_stop").isEmpty(),
                "no emergency stop to an MCU that is already shut down");
    }

    @Test
    void hostShutdownSendsEmergencyStop() throws Exception {
        FakeFirmware firmware = new FakeFirmware(DICT);
        mcuWith(firmware);
        identifyAndConnect();
        printer.run(() -> printer.invokeShutdown("test"));
        waitFor("emergency_stop", () -> !firmware.receivedNamed("emergency_stop").isEmpty());
    }

    @Test
    void silentMcuIsReportedAsLostCommunication() throws Exception {
        FakeFirmware firmware = new FakeFirmware(DICT);
        mcuWith(firmware);
        identifyAndConnect();
        assertTrue(printer.shutdowns.isEmpty());
        firmware.silent = true;
        waitFor("lost communication", () -> !printer.shutdowns.isEmpty());
        assertEquals(List.of("Lost communication with MCU 'mcu'"), printer.shutdowns);
    }

    @Test
    void clockIsTrackedFromGetClockResponses() throws Exception {
        FakeFirmware firmware = new FakeFirmware(DICT);
        McuImpl mcu = mcuWith(firmware);
        identifyAndConnect();
        assertTrue(firmware.receivedNamed("get_clock").size() >= 8, "8 samples before the config");
        long mcuNow = firmware.clock();
        double printTime = printer.call(() -> mcu.estimatedPrintTime(printer.getReactor().monotonic()));
        double firmwarePrintTime = mcuNow / 50_000_000.0;
        assertEquals(firmwarePrintTime, printTime, 0.05, "estimate within 50 ms of the firmware's clock");
    }

    @Test
    void noAnswerMeansUnableToConnect() throws Exception {
        FakeFirmware firmware = new FakeFirmware(DICT);
        firmware.silent = true;
        McuImpl mcu = mcuWith(firmware);
        mcu.setConnectTimeout(1.0);
        ConfigException e = assertThrows(ConfigException.class, this::identifyAndConnect);
        assertEquals("mcu 'mcu': Unable to connect", e.getMessage());
    }

    @Test
    void unknownLinkSchemeIsNamed() throws Exception {
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, "[mcu]\nserial: nosuch:thing\n");
        printer = new ReactorPrinter(ReactorPrinter.liveArgs(cfg));
        McuModule module = new McuModule(new McuLinkOpener());
        Mcu mcu = printer.call(() -> (Mcu) module.load(PrinterConfig.load(printer, cfg).section("mcu")));
        ((McuImpl) mcu).setConnectTimeout(0.2);
        assertThrows(ConfigException.class, this::identifyAndConnect);
        assertFalse(mcu.isShutdown());
    }

    @Test
    void firmwareRestartByCommandUsesConfigResetWhenThereIsNoReset() throws Exception {
        FakeFirmware firmware = new FakeFirmware(DICT);
        mcuWith(firmware);
        identifyAndConnect();
        printer.run(() -> printer.sendEvent(PrinterEvents.FIRMWARE_RESTART));
        // the Linux MCU has config_reset only: it is shut down first, then reset
        List<String> tail = firmware.received.stream()
                .filter(s -> s.equals("emergency_stop") || s.equals("config_reset")).toList();
        assertEquals(List.of("emergency_stop", "config_reset"), tail);
    }

    @Test
    void responsesRegisteredBeforeIdentifyAreDelivered() throws Exception {
        FakeFirmware firmware = new FakeFirmware(DICT);
        McuImpl mcu = mcuWith(firmware);
        List<Map<String, Object>> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        printer.run(() -> mcu.registerResponse(got::add, "stepper_position", 3));
        identifyAndConnect();
        firmware.sendResponse("stepper_position", 4L, 100L);
        firmware.sendResponse("stepper_position", 3L, -250L);
        waitFor("response", () -> !got.isEmpty());
        Thread.sleep(100);
        assertEquals(1, got.size(), "only oid 3");
        assertEquals(-250L, got.get(0).get("pos"));
        assertEquals("stepper_position", got.get(0).get("#name"));
    }

    @Test
    void queryCommandWaitsForItsResponse() throws Exception {
        FakeFirmware firmware = new FakeFirmware(DICT);
        McuImpl mcu = mcuWith(firmware);
        identifyAndConnect();
        Map<String, Object> config = printer.call(() -> mcu.lookupQueryCommand("get_config",
                "config is_config=%c crc=%u is_shutdown=%c move_count=%hu", -1, null, false).send());
        assertEquals(349845466L, config.get("crc"));
        assertEquals(1L, config.get("is_config"));
    }

    @Test
    void statsLineHasKlippersFieldsAndFillsLastStats() throws Exception {
        FakeFirmware firmware = new FakeFirmware(DICT);
        McuImpl mcu = mcuWith(firmware);
        identifyAndConnect();
        firmware.sendResponse("stats", 1000L, 500000L, 10000L);
        Thread.sleep(200);
        String text = printer.call(() -> mcu.stats(printer.getReactor().monotonic())).text();
        assertTrue(text.matches("mcu: mcu_awake=0\\.010 mcu_task_avg=0\\.000010 mcu_task_stddev=\\S+ "
                + "bytes_write=\\d+ bytes_read=\\d+ bytes_retransmit=\\d+ bytes_invalid=\\d+ send_seq=\\d+ "
                + "receive_seq=\\d+ retransmit_seq=\\d+ srtt=\\S+ rttvar=\\S+ rto=\\S+ ready_bytes=\\d+ "
                + "upcoming_bytes=\\d+ freq=\\d+"), text);
        Map<?, ?> last = (Map<?, ?>) printer.call(() -> mcu.getStatus(0.)).get("last_stats");
        assertEquals(0.01, last.get("mcu_awake"));
        assertTrue(last.get("freq") instanceof Long);
    }

    @Test
    void canBusIsRefusedWithAClearError() throws Exception {
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, "[mcu]\ncanbus_uuid: 11aa22bb33cc\n");
        printer = new ReactorPrinter(ReactorPrinter.liveArgs(cfg));
        McuModule module = new McuModule(new McuLinkOpener());
        printer.run(() -> module.load(PrinterConfig.load(printer, cfg).section("mcu")));
        ConfigException e = assertThrows(ConfigException.class, this::identifyAndConnect);
        assertEquals("mcu 'mcu': CAN bus MCUs (canbus_uuid) are not supported yet", e.getMessage());
    }

    @Test
    void secondaryMcuFollowsTheMainClock() throws Exception {
        FakeFirmware mainFw = new FakeFirmware(DICT);
        FakeFirmware extraFw = new FakeFirmware(DICT);
        Path cfg = dir.resolve("printer.cfg");
        Files.writeString(cfg, "[mcu]\nserial: fake:main\n[mcu extra]\nserial: fake:extra\n");
        printer = new ReactorPrinter(ReactorPrinter.liveArgs(cfg));
        McuLinkOpener opener = new McuLinkOpener();
        opener.addProvider("fake", (address, baud) -> address.equals("main") ? mainFw : extraFw);
        McuModule module = new McuModule(opener);
        McuImpl extra = printer.call(() -> {
            PrinterConfig config = PrinterConfig.load(printer, cfg);
            printer.addObject("mcu", module.load(config.section("mcu")));
            McuImpl m = (McuImpl) module.load(config.section("mcu extra"));
            printer.addObject("mcu extra", m);
            return m;
        });
        identifyAndConnect();
        assertEquals("extra", extra.getName());
        McuImpl main = printer.call(() -> printer.lookupObject("mcu", McuImpl.class));
        double[] times = printer.call(() -> {
            double now = printer.getReactor().monotonic();
            return new double[] {main.estimatedPrintTime(now), extra.estimatedPrintTime(now)};
        });
        assertEquals(times[0], times[1], 0.005, "both MCUs agree on the print time");
        assertTrue(extraFw.isConfig && mainFw.isConfig);
    }

    @Test
    void firmwareRestartAlsoWorksOffTheReactorThread() throws Exception {
        FakeFirmware firmware = new FakeFirmware(DICT);
        mcuWith(firmware);
        identifyAndConnect();
        // the host sends the restart and disconnect events after its reactor stopped
        printer.sendEvent(PrinterEvents.FIRMWARE_RESTART);
        waitFor("config_reset", () -> !firmware.receivedNamed("config_reset").isEmpty());
    }

    @Test
    void closedLinkIsReportedAsLostCommunication() throws Exception {
        FakeFirmware firmware = new FakeFirmware(DICT);
        mcuWith(firmware);
        identifyAndConnect();
        firmware.close();
        waitFor("lost communication", () -> !printer.shutdowns.isEmpty());
        assertEquals(List.of("Lost communication with MCU 'mcu'"), printer.shutdowns);
    }
}
