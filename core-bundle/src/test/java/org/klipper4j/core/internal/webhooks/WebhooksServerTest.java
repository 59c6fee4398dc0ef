/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.StatusProvider;
import org.klipper4j.core.api.gcode.CommandError;
import org.klipper4j.core.api.reactor.Reactor;
import org.klipper4j.core.api.webhooks.ApiConnection;

/** The API socket end to end: a real Unix socket, a fake reactor driven by the test. */
class WebhooksServerTest {
    private final List<ApiTestClient> clients = new ArrayList<>();
    private FakeReactor reactor;
    private FakePrinter printer;
    private FakeGCode gcode;
    private WebhooksServer server;
    private Path socket;
    private ApiTestClient client;

    /** A status object whose values the test changes. */
    static final class Thing implements StatusProvider {
        final Map<String, Object> values = new LinkedHashMap<>();

        @Override
        public Map<String, Object> getStatus(double eventtime) {
            return new LinkedHashMap<>(values);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        reactor = new FakeReactor();
        printer = new FakePrinter(reactor);
        gcode = new FakeGCode();
        socket = Path.of("/tmp/k4j-test-" + UUID.randomUUID().toString().substring(0, 8) + ".sock");
        startServer(WebhooksServer.DEFAULT_MAX_PENDING_BYTES);
        client = connect();
    }

    private void startServer(long maxPending) throws Exception {
        server = new WebhooksServer(printer, maxPending);
        printer.addObject("webhooks", server);
        printer.addObject("gcode", gcode);
        server.start(socket);
    }

    private ApiTestClient connect() throws Exception {
        ApiTestClient c = ApiTestClient.connect(socket);
        clients.add(c);
        return c;
    }

    @AfterEach
    void tearDown() throws Exception {
        for (ApiTestClient c : clients) {
            c.close();
        }
        server.stop();
        Files.deleteIfExists(socket);
    }

    private Map<String, Object> call(int id, String method, Map<String, Object> params) throws Exception {
        return client.call(reactor, id, method, params);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String errorMessage(Map<String, Object> reply) {
        Map<String, Object> error = map(reply.get("error"));
        assertEquals("WebRequestError", error.get("error"));
        return (String) error.get("message");
    }

    @Test
    void socketFileIsOwnerOnlyAndRemovedOnStop() throws Exception {
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(socket));
        server.stop();
        assertFalse(Files.exists(socket));
    }

    @Test
    void staleSocketFileIsReplaced() throws Exception {
        server.stop();
        Files.writeString(socket, "left over from a crash");
        server = new WebhooksServer(printer);
        server.start(socket);
        ApiTestClient fresh = connect();
        Map<String, Object> reply = fresh.call(reactor, 1, "objects/list", Map.of());
        assertEquals(1L, reply.get("id"));
    }

    @Test
    void infoReportsStateAndPaths() throws Exception {
        Map<String, Object> result = map(call(7, "info", Map.of()).get("result"));
        assertEquals("ready", result.get("state"));
        assertEquals("Printer is ready", result.get("state_message"));
        assertEquals("/home/pi/printer.cfg", result.get("config_file"));
        assertEquals("/tmp/klippy.log", result.get("log_file"));
        assertEquals(ProcessHandle.current().pid(), result.get("process_id"));
        assertTrue(((String) result.get("software_version")).startsWith("klipper4j-"));
        assertTrue(((String) result.get("cpu_info")).matches("\\d+ core .+"), "cpu_info " + result.get("cpu_info"));
        assertFalse(((String) result.get("hostname")).isEmpty());
        assertEquals("Klipper", result.get("app"));
        for (String key : List.of("klipper_path", "python_path", "user_id", "group_id")) {
            assertTrue(result.containsKey(key), key);
        }
        Map<String, Object> withClient = call(8, "info", Map.of("client_info", Map.of("program", "Moonraker")));
        assertEquals("ready", map(withClient.get("result")).get("state"));
        assertEquals("Invalid Argument Type [client_info]", errorMessage(call(9, "info", Map.of("client_info", "x"))));
    }

    @Test
    void gcodeEndpointsWithoutGCodeObjectAreAnError() throws Exception {
        server.stop();
        printer = new FakePrinter(reactor);
        server = new WebhooksServer(printer);
        server.start(socket);
        ApiTestClient fresh = connect();
        Map<String, Object> reply = fresh.call(reactor, 1, "gcode/script", Map.of("script", "G28"));
        assertEquals("G-Code processing is not available yet", errorMessage(reply));
        assertTrue(printer.shutdowns.isEmpty());
    }

    @Test
    void listEndpointsIncludesBuiltInAndRegisteredOnes() throws Exception {
        server.registerEndpoint("test/hello", r -> r.send(Map.of("hello", "world")));
        @SuppressWarnings("unchecked")
        List<String> endpoints = (List<String>) map(call(1, "list_endpoints", Map.of()).get("result")).get("endpoints");
        for (String path : List.of("list_endpoints", "info", "emergency_stop", "register_remote_method",
                "objects/list", "objects/query", "objects/subscribe", "gcode/help", "gcode/script",
                "gcode/subscribe_output", "gcode/restart", "gcode/firmware_restart", "printer/restart",
                "printer/firmware_restart", "test/hello")) {
            assertTrue(endpoints.contains(path), path);
        }
        assertEquals(Map.of("hello", "world"), call(2, "test/hello", Map.of()).get("result"));
        assertThrows(RuntimeException.class, () -> server.registerEndpoint("info", r -> { }));
    }

    @Test
    void garbageGetsAnErrorAndTheConnectionStaysUp() throws Exception {
        client.sendRaw("this is { not json");
        Map<String, Object> reply = client.next(reactor);
        assertTrue(reply.containsKey("id"));
        assertNull(reply.get("id"));
        assertEquals("Error decoding request: not valid JSON", errorMessage(reply));

        client.sendRaw("[1, 2, 3]");
        assertEquals("Error decoding request: not a top-level dictionary", errorMessage(client.next(reactor)));

        client.sendRaw("{\"id\": 3, \"params\": {}}");
        reply = client.next(reactor);
        assertEquals(3L, reply.get("id"));
        assertEquals("Invalid request type: 'method' must be a string", errorMessage(reply));

        reply = call(4, "objects/query", Map.of("objects", Map.of("webhooks", List.of("state"))));
        assertEquals(Map.of("webhooks", Map.of("state", "ready")), map(reply.get("result")).get("status"));
    }

    @Test
    void unknownMethodIsAnError() throws Exception {
        Map<String, Object> reply = call(5, "no/such/thing", Map.of());
        assertEquals(5L, reply.get("id"));
        assertEquals("webhooks: No registered callback for path 'no/such/thing'", errorMessage(reply));
    }

    @Test
    void badParameterTypesAreErrors() throws Exception {
        assertEquals("Invalid Argument Type [script]", errorMessage(call(1, "gcode/script", Map.of("script", 5))));
        assertEquals("Missing Argument [script]", errorMessage(call(2, "gcode/script", Map.of())));
        assertEquals("Missing Argument [objects]", errorMessage(call(3, "objects/query", Map.of())));
        assertEquals("Invalid argument",
                errorMessage(call(4, "objects/query", Map.of("objects", Map.of("webhooks", "state")))));
        assertEquals("Invalid argument",
                errorMessage(call(5, "objects/query", Map.of("objects", Map.of("webhooks", List.of(1))))));
        assertTrue(gcode.scripts.isEmpty());
    }

    @Test
    void requestsWithoutIdGetNoReply() throws Exception {
        List<String> calls = new ArrayList<>();
        server.registerEndpoint("test/record", r -> calls.add(r.getString("what")));
        client.sendRaw("{\"method\": \"test/record\", \"params\": {\"what\": \"first\"}}");
        Map<String, Object> reply = call(9, "test/record", Map.of("what", "second"));
        assertEquals(9L, reply.get("id"), "the notification must not be answered");
        assertEquals(List.of("first", "second"), calls);
    }

    @Test
    void objectsListShowsOnlyStatusProviders() throws Exception {
        printer.addObject("toolhead", new Thing());
        printer.addObject("configfile_helper", new Object());
        @SuppressWarnings("unchecked")
        List<String> objects = (List<String>) map(call(1, "objects/list", Map.of()).get("result")).get("objects");
        assertEquals(List.of("webhooks", "toolhead"), objects);
    }

    @Test
    void objectsQueryReturnsRequestedFields() throws Exception {
        Thing thing = new Thing();
        thing.values.put("position", List.of(1.5, 2.0, 3.0, 0.0));
        thing.values.put("homed_axes", "xyz");
        printer.addObject("toolhead", thing);
        Map<String, Object> objects = new LinkedHashMap<>();
        objects.put("webhooks", null);
        objects.put("toolhead", List.of("homed_axes", "no_such_field"));
        objects.put("missing_object", null);
        Map<String, Object> result = map(call(1, "objects/query", Map.of("objects", objects)).get("result"));
        assertEquals(reactor.monotonic(), result.get("eventtime"));
        Map<String, Object> status = map(result.get("status"));
        assertEquals(Map.of("state", "ready", "state_message", "Printer is ready"), status.get("webhooks"));
        Map<String, Object> toolhead = map(status.get("toolhead"));
        assertEquals("xyz", toolhead.get("homed_axes"));
        assertTrue(toolhead.containsKey("no_such_field"));
        assertNull(toolhead.get("no_such_field"));
        assertEquals(Map.of(), status.get("missing_object"));
    }

    @Test
    void subscriptionPushesOnlyChangedFieldsEveryQuarterSecond() throws Exception {
        Thing thing = new Thing();
        thing.values.put("temperature", 21.5);
        thing.values.put("target", 0.0);
        printer.addObject("extruder", thing);
        Map<String, Object> objects = new LinkedHashMap<>();
        objects.put("extruder", null);
        Map<String, Object> params = Map.of("objects", objects,
                "response_template", Map.of("method", "notify_status_update"));
        Map<String, Object> result = map(call(1, "objects/subscribe", params).get("result"));
        assertEquals(Map.of("extruder", Map.of("temperature", 21.5, "target", 0.0)), result.get("status"));

        thing.values.put("temperature", 22.0);
        reactor.advance(StatusSubscriptions.REFRESH_TIME);
        Map<String, Object> push = client.next(reactor);
        assertEquals("notify_status_update", push.get("method"));
        Map<String, Object> pushParams = map(push.get("params"));
        assertEquals(reactor.monotonic(), pushParams.get("eventtime"));
        assertEquals(Map.of("extruder", Map.of("temperature", 22.0)), pushParams.get("status"));

        // Nothing changed: no push, so the next message is the reply to a later request.
        reactor.advance(StatusSubscriptions.REFRESH_TIME);
        assertEquals(2L, call(2, "objects/list", Map.of()).get("id"));

        thing.values.put("target", 200.0);
        reactor.advance(0.1);
        assertEquals(3L, call(3, "objects/list", Map.of()).get("id"), "no push before the refresh time");
        reactor.advance(0.15);
        assertEquals(Map.of("extruder", Map.of("target", 200.0)), map(client.next(reactor).get("params")).get("status"));
    }

    @Test
    void subscriptionTimerGoesIdleWhenSubscribersLeave() throws Exception {
        Thing thing = new Thing();
        printer.addObject("extruder", thing);
        Map<String, Object> objects = new LinkedHashMap<>();
        objects.put("extruder", null);
        call(1, "objects/subscribe", Map.of("objects", objects));
        assertTrue(reactor.nextTimerWake() < Reactor.NEVER, "a subscription needs the refresh timer");
        client.close();
        // The server sees the close on its I/O thread; tick until the timer notices (bounded).
        for (int i = 0; i < 2000 && reactor.nextTimerWake() < Reactor.NEVER; i++) {
            thing.values.put("temperature", (double) i);
            reactor.advance(StatusSubscriptions.REFRESH_TIME);
            reactor.runPending(5);
        }
        assertEquals(Reactor.NEVER, reactor.nextTimerWake());
    }

    @Test
    void gcodeScriptRunsAndRepliesAfterCompletion() throws Exception {
        Map<String, Object> reply = call(1, "gcode/script", Map.of("script", "G28\nG1 X10"));
        assertEquals(Map.of(), reply.get("result"));
        assertEquals(List.of("G28\nG1 X10"), gcode.scripts);
        reply = call(2, "gcode/script", Map.of("script", "BAD_COMMAND"));
        assertEquals("Unknown command:\"BAD_COMMAND\"", errorMessage(reply));
        assertTrue(printer.shutdowns.isEmpty(), "a command error must not shut the printer down");
    }

    @Test
    void gcodeHelpListsCommands() throws Exception {
        Map<String, Object> result = map(call(1, "gcode/help", Map.of()).get("result"));
        assertEquals("Move to origin", result.get("G28"));
    }

    @Test
    void gcodeOutputIsPushedToSubscribers() throws Exception {
        call(1, "gcode/subscribe_output", Map.of("response_template", Map.of("method", "notify_gcode_response")));
        ApiTestClient second = connect();
        second.call(reactor, 1, "gcode/subscribe_output", Map.of());
        assertEquals(1, gcode.outputHandlerCount(), "one output handler serves every subscriber");
        gcode.respondInfo("Klipper state: Ready");
        Map<String, Object> push = client.next(reactor);
        assertEquals("notify_gcode_response", push.get("method"));
        assertEquals(Map.of("response", "// Klipper state: Ready"), push.get("params"));
        assertEquals(Map.of("params", Map.of("response", "// Klipper state: Ready")), second.next(reactor));
    }

    @Test
    void emergencyStopShutsDownWithKlippersMessage() throws Exception {
        assertEquals(Map.of(), call(1, "emergency_stop", Map.of()).get("result"));
        assertEquals(List.of("Shutdown due to webhooks request"), printer.shutdowns);
        Map<String, Object> status = map(map(call(2, "objects/query",
                Map.of("objects", Map.of("webhooks", List.of("state")))).get("result")).get("status"));
        assertEquals(Map.of("webhooks", Map.of("state", "shutdown")), status);
    }

    @Test
    void restartEndpoints() throws Exception {
        call(1, "printer/restart", Map.of());
        call(2, "printer/firmware_restart", Map.of());
        assertEquals(List.of("restart", "firmware_restart"), printer.exitRequests);
        call(3, "gcode/restart", Map.of());
        call(4, "gcode/firmware_restart", Map.of());
        assertEquals(List.of("restart", "firmware_restart"), gcode.scripts);
    }

    @Test
    void remoteMethodsAreCalledOnTheRegisteringClient() throws Exception {
        Map<String, Object> reply = call(1, "register_remote_method", Map.of("remote_method", "paneldue_beep",
                "response_template", Map.of("action", "run_paneldue_beep")));
        assertEquals(Map.of(), reply.get("result"));
        server.callRemoteMethod("paneldue_beep", Map.of("frequency", 300, "duration", 0.5));
        Map<String, Object> message = client.next(reactor);
        assertEquals("run_paneldue_beep", message.get("action"));
        assertEquals(Map.of("frequency", 300L, "duration", 0.5), message.get("params"));

        CommandError unknown = assertThrows(CommandError.class, () -> server.callRemoteMethod("nope", Map.of()));
        assertEquals("Remote method 'nope' not registered", unknown.getMessage());
    }

    @Test
    void remoteMethodWithoutLiveClientIsAnError() throws Exception {
        List<ApiConnection> connections = new ArrayList<>();
        server.registerEndpoint("test/whoami", r -> connections.add(r.getConnection()));
        call(1, "register_remote_method", Map.of("remote_method", "beep", "response_template", Map.of()));
        call(2, "test/whoami", Map.of());
        client.close();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!connections.get(0).isClosed() && System.currentTimeMillis() < deadline) {
            reactor.runPending(5);
        }
        CommandError error = assertThrows(CommandError.class, () -> server.callRemoteMethod("beep", Map.of()));
        assertEquals("No active connections for method 'beep'", error.getMessage());
    }

    @Test
    void muxEndpointsDispatchOnTheKey() throws Exception {
        server.registerMuxEndpoint("test/mux", "name", "a", r -> r.send(Map.of("got", "a")));
        server.registerMuxEndpoint("test/mux", "name", "b", r -> r.send(Map.of("got", "b")));
        assertEquals(Map.of("got", "b"), call(1, "test/mux", Map.of("name", "b")).get("result"));
        assertEquals("The value 'c' is not valid for name", errorMessage(call(2, "test/mux", Map.of("name", "c"))));
        assertEquals("Missing Argument [name]", errorMessage(call(3, "test/mux", Map.of())));
    }

    @Test
    void unexpectedHandlerFailureRepliesAndShutsDown() throws Exception {
        server.registerEndpoint("test/boom", r -> {
            throw new IllegalStateException("boom");
        });
        assertEquals("boom", errorMessage(call(1, "test/boom", Map.of())));
        assertEquals(List.of("Internal Error on WebRequest: test/boom"), printer.shutdowns);
    }

    @Test
    void aClientThatHalfClosesStillGetsItsRepliesThenIsClosed() throws Exception {
        List<ApiConnection> connections = new ArrayList<>();
        server.registerEndpoint("test/whoami", r -> connections.add(r.getConnection()));
        client.sendRequest(1, "test/whoami", Map.of());
        client.sendRequest(2, "objects/list", Map.of());
        client.shutdownOutput();
        assertEquals(1L, client.next(reactor).get("id"));
        assertEquals(2L, client.next(reactor).get("id"));
        long deadline = System.currentTimeMillis() + 10_000;
        while (!connections.get(0).isClosed() && System.currentTimeMillis() < deadline) {
            reactor.runPending(5);
        }
        assertTrue(connections.get(0).isClosed());
    }

    @Test
    void manyClientsAreServedIndependently() throws Exception {
        ApiTestClient second = connect();
        second.sendRequest(20, "objects/list", Map.of());
        assertEquals(10L, call(10, "objects/list", Map.of()).get("id"));
        assertEquals(20L, second.next(reactor).get("id"));
    }

    @Test
    void aClientThatStopsReadingIsDroppedWithoutBlocking() throws Exception {
        server.stop();
        printer = new FakePrinter(reactor);
        startServer(64 * 1024);
        List<ApiConnection> connections = new ArrayList<>();
        server.registerEndpoint("test/whoami", r -> connections.add(r.getConnection()));
        ApiTestClient stalled = ApiTestClient.connectWithoutReading(socket);
        clients.add(stalled);
        stalled.sendRequest(1, "gcode/subscribe_output", Map.of());
        stalled.sendRequest(2, "test/whoami", Map.of());
        while (connections.isEmpty()) {
            assertTrue(reactor.runPending(10_000), "requests of the stalled client never arrived");
        }
        String line = "// " + "x".repeat(1000);
        for (int i = 0; i < 5000 && !connections.get(0).isClosed(); i++) {
            gcode.respondRaw(line);
        }
        assertTrue(connections.get(0).isClosed(), "the stalled client must be dropped");
        assertTrue(stalled.waitForClose(reactor));
        ApiTestClient healthy = connect();
        assertEquals(1L, healthy.call(reactor, 1, "objects/list", Map.of()).get("id"));
    }
}
