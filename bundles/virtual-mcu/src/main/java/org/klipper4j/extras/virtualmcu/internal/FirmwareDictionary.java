/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.extras.virtualmcu.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

import org.klipper4j.mcu.protocol.DataDictionary;

/**
 * The data dictionary the virtual board was "built" with: the command and response
 * formats it implements (worded exactly as Klipper's firmware declares them), its pins
 * and buses, static strings and constants. Served zlib-compressed through {@code identify}.
 */
public final class FirmwareDictionary {
    /** The board's clock: 50 MHz, as Klipper's Linux process MCU. */
    public static final long CLOCK_FREQ = 50_000_000L;
    public static final int ADC_MAX = 4095;
    public static final int PWM_MAX = 255;
    public static final String VERSION = "v0.13.0-klipper4j-virtual";

    static final List<String> COMMANDS = List.of(
            "clear_shutdown",
            "emergency_stop",
            "get_uptime",
            "get_clock",
            "finalize_config crc=%u",
            "get_config",
            "allocate_oids count=%c",
            "reset",
            "debug_nop",
            "debug_ping data=%*s",
            "set_digital_out pin=%u value=%c",
            "update_digital_out oid=%c value=%c",
            "queue_digital_out oid=%c clock=%u on_ticks=%u",
            "set_digital_out_pwm_cycle oid=%c cycle_ticks=%u",
            "config_digital_out oid=%c pin=%u value=%c default_value=%c max_duration=%u",
            "stepper_stop_on_trigger oid=%c trsync_oid=%c",
            "stepper_get_position oid=%c",
            "reset_step_clock oid=%c clock=%u",
            "set_next_step_dir oid=%c dir=%c",
            "queue_step oid=%c interval=%u count=%hu add=%hi",
            "config_stepper oid=%c step_pin=%c dir_pin=%c invert_step=%c step_pulse_ticks=%u",
            "endstop_query_state oid=%c",
            "endstop_home oid=%c clock=%u sample_ticks=%u sample_count=%c rest_ticks=%u pin_value=%c"
                    + " trsync_oid=%c trigger_reason=%c",
            "config_endstop oid=%c pin=%c pull_up=%c",
            "trsync_trigger oid=%c reason=%c",
            "trsync_set_timeout oid=%c clock=%u",
            "trsync_start oid=%c report_clock=%u report_ticks=%u expire_reason=%c",
            "config_trsync oid=%c",
            "query_analog_in oid=%c clock=%u sample_ticks=%u sample_count=%c rest_ticks=%u bytes_per_report=%c"
                    + " min_value=%hu max_value=%hu range_check_count=%c",
            "config_analog_in oid=%c pin=%u",
            "config_spi_shutdown oid=%c spi_oid=%c shutdown_msg=%*s",
            "spi_send oid=%c data=%*s",
            "spi_transfer oid=%c data=%*s",
            "spi_set_bus oid=%c spi_bus=%u mode=%u rate=%u",
            "config_spi_without_cs oid=%c",
            "config_spi oid=%c pin=%u cs_active_high=%c",
            "i2c_transfer oid=%c write=%*s read_len=%u",
            "i2c_set_bus oid=%c i2c_bus=%u rate=%u address=%u",
            "config_i2c oid=%c",
            "set_pwm_out pin=%u cycle_ticks=%u value=%hu",
            "queue_pwm_out oid=%c clock=%u value=%hu",
            "config_pwm_out oid=%c pin=%u cycle_ticks=%u value=%hu default_value=%hu max_duration=%u",
            "tmcuart_send oid=%c write=%*s read=%c",
            "config_tmcuart oid=%c rx_pin=%u pull_up=%c tx_pin=%u bit_time=%u");

    static final List<String> RESPONSES = List.of(
            "starting",
            "is_shutdown static_string_id=%hu",
            "shutdown clock=%u static_string_id=%hu",
            "stats count=%u sum=%u sumsq=%u",
            "uptime high=%u clock=%u",
            "clock clock=%u",
            "config is_config=%c crc=%u is_shutdown=%c move_count=%hu",
            "pong data=%*s",
            "stepper_position oid=%c pos=%i",
            "endstop_state oid=%c homing=%c next_clock=%u pin_value=%c",
            "trsync_state oid=%c can_trigger=%c trigger_reason=%c clock=%u",
            "analog_in_state oid=%c next_clock=%u values=%*s",
            "spi_transfer_response oid=%c response=%*s",
            "i2c_response oid=%c i2c_bus_status=%c response=%*s",
            "tmcuart_response oid=%c read=%*s");

    /** Static strings with the ids Klipper's firmware gives them. */
    static final Map<String, Integer> STATIC_STRINGS = staticStrings();

    private final String json;
    private final byte[] compressed;
    private final DataDictionary parsed;

    public FirmwareDictionary() {
        this.json = buildJson();
        this.compressed = deflate(json.getBytes(StandardCharsets.UTF_8));
        this.parsed = DataDictionary.parseJson(json);
    }

    private static Map<String, Integer> staticStrings() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("Shutdown cleared when not shutdown", 2);
        m.put("Timer too close", 3);
        m.put("sentinel timer called", 4);
        m.put("Invalid command", 5);
        m.put("Message encode error", 6);
        m.put("Command parser error", 7);
        m.put("Command request", 8);
        m.put("oids already allocated", 10);
        m.put("Can't assign oid", 11);
        m.put("Invalid oid type", 12);
        m.put("Already finalized", 13);
        m.put("Invalid move request size", 14);
        m.put("Move queue overflow", 15);
        m.put("update_digital_out not valid with active queue", 18);
        m.put("Scheduled digital out event will exceed max_duration", 19);
        m.put("Can not set soft pwm cycle ticks while updates pending", 20);
        m.put("Missed scheduling of next digital out event", 21);
        m.put("Can't reset time when stepper active", 22);
        m.put("Invalid count parameter", 23);
        m.put("Stepper too far in past", 24);
        m.put("Can't add signal that is already active", 25);
        m.put("Invalid analog_in bytes_per_report", 26);
        m.put("ADC out of range", 27);
        m.put("Invalid spi config", 28);
        m.put("Scheduled pwm event will exceed max_duration", 33);
        m.put("Missed scheduling of next hard pwm event", 34);
        m.put("tmcuart data too large", 38);
        m.put("Rescheduled timer in the past", 52);
        m.put("Not a valid pin", 53);
        m.put("Not a valid ADC pin", 54);
        m.put("Invalid spi bus", 55);
        m.put("Unsupported i2c bus", 56);
        return m;
    }

    private static String buildJson() {
        StringBuilder sb = new StringBuilder("{\"app\": \"Klipper\", \"build_versions\": \"klipper4j virtual board\"");
        sb.append(", \"commands\": {");
        appendIds(sb, DataDictionary.IDENTIFY, 1, COMMANDS, 2);
        sb.append("}, \"responses\": {");
        appendIds(sb, DataDictionary.IDENTIFY_RESPONSE, 0, RESPONSES, 2 + COMMANDS.size());
        sb.append("}, \"config\": {");
        sb.append("\"ADC_MAX\": ").append(ADC_MAX)
                .append(", \"BUS_PINS_i2c1\": \"PB6,PB7\"")
                .append(", \"BUS_PINS_spi1\": \"PA6,PA7,PA5\"")
                .append(", \"CLOCK_FREQ\": ").append(CLOCK_FREQ)
                .append(", \"MCU\": \"virtual\"")
                .append(", \"PWM_MAX\": ").append(PWM_MAX)
                .append(", \"RECEIVE_WINDOW\": 192")
                .append(", \"SERIAL_BAUD\": 250000")
                .append(", \"STATS_SUMSQ_BASE\": 256");
        sb.append("}, \"enumerations\": {");
        sb.append("\"i2c_bus\": {\"i2c1\": 0, \"i2c2\": 1}");
        sb.append(", \"i2c_bus_status\": {\"BUS_TIMEOUT\": 2, \"NACK\": 1, \"START_NACK\": 3,"
                + " \"START_READ_NACK\": 4, \"SUCCESS\": 0}");
        sb.append(", \"pin\": {");
        char[] ports = "ABCDEFGHIJKL".toCharArray();
        for (int i = 0; i < ports.length; i++) {
            sb.append(i == 0 ? "" : ", ").append("\"P").append(ports[i]).append("0\": [")
                    .append(i * 16).append(", 16]");
        }
        sb.append("}, \"spi_bus\": {\"spi1\": 0, \"spi2\": 1}");
        sb.append(", \"static_string_id\": {");
        boolean first = true;
        for (Map.Entry<String, Integer> e : STATIC_STRINGS.entrySet()) {
            sb.append(first ? "" : ", ").append('"').append(e.getKey().replace("\"", "\\\"")).append("\": ")
                    .append(e.getValue());
            first = false;
        }
        sb.append("}}, \"license\": \"GNU GPLv3\", \"version\": \"").append(VERSION).append("\"}");
        return sb.toString();
    }

    private static void appendIds(StringBuilder sb, String fixed, int fixedId, List<String> formats, int firstId) {
        sb.append('"').append(fixed).append("\": ").append(fixedId);
        int id = firstId;
        for (String f : formats) {
            sb.append(", \"").append(f).append("\": ").append(id++);
        }
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The dictionary as JSON text. */
    public String json() {
        return json;
    }

    /** The zlib-compressed dictionary that {@code identify} serves in chunks. */
    public byte[] compressed() {
        return compressed.clone();
    }

    byte[] compressedView() {
        return compressed;
    }

    /** The dictionary parsed with the protocol classes; encodes responses and decodes commands. */
    public DataDictionary parsed() {
        return parsed;
    }

    /** The id of a static string; a reason the dictionary lacks is a programming error. */
    static int staticStringId(String text) {
        Integer id = STATIC_STRINGS.get(text);
        if (id == null) {
            throw new IllegalStateException("No static string '" + text + "' in the virtual board's dictionary");
        }
        return id;
    }
}
