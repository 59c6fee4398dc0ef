/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.klipper4j.core.api.ConfigException;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.motion.KinematicsFactory;
import org.klipper4j.testkit.FakeConfig;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/** Module services are got from the framework only when a section is loaded, and given back when they go. */
class ServiceModuleTest {
    /** What the fake framework was asked, in order. */
    private final List<String> calls = new ArrayList<>();
    private Object serviceObject;

    @Test
    void theServiceIsNotGotUntilASectionIsLoaded() {
        serviceObject = (PrinterModule) cfg -> "loaded " + cfg.getName();
        ServiceModule module = new ServiceModule("greeter", new LazyService<>(context(), reference()));
        assertEquals(List.of(), calls, "binding alone must not activate the component");

        assertEquals("loaded greeter", module.load(FakeConfig.of(null, "greeter")));
        assertEquals("loaded greeter", module.load(FakeConfig.of(null, "greeter")));
        assertEquals(List.of("getService"), calls, "got once, then kept");
    }

    @Test
    void releaseGivesTheServiceBackAndLaterLoadsFailClearly() {
        serviceObject = (PrinterModule) cfg -> "x";
        LazyService<PrinterModule> lazy = new LazyService<>(context(), reference());
        ServiceModule module = new ServiceModule("greeter", lazy);
        module.load(FakeConfig.of(null, "greeter"));
        lazy.release();
        assertEquals(List.of("getService", "ungetService"), calls);

        ConfigException e = assertThrows(ConfigException.class, () -> module.load(FakeConfig.of(null, "greeter")));
        assertEquals("Unable to load module 'greeter': the module service of org.example.greeter 1.2.0"
                + " could not be started", e.getMessage());
    }

    @Test
    void releaseOfAServiceNeverGotAsksNothing() {
        new LazyService<PrinterModule>(context(), reference()).release();
        assertEquals(List.of(), calls);
    }

    @Test
    void aComponentThatFailsToActivateIsAConfigErrorNamingItsBundle() {
        serviceObject = null; // what getService returns when activation fails
        ServiceKinematicsFactory factory = new ServiceKinematicsFactory("delta",
                new LazyService<KinematicsFactory>(context(), reference()));
        ConfigException e = assertThrows(ConfigException.class, () -> factory.create(null, null));
        assertTrue(e.getMessage().startsWith("Unable to load kinematics 'delta': the service of org.example.greeter"),
                e.getMessage());
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    switch (method.getName()) {
                        case "getService":
                            return serviceObject;
                        case "ungetService":
                            return true;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @SuppressWarnings("unchecked")
    private <T> ServiceReference<T> reference() {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getSymbolicName":
                            return "org.example.greeter";
                        case "getVersion":
                            return new Version(1, 2, 0);
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
        return (ServiceReference<T>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getBundle")) {
                        return bundle;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
