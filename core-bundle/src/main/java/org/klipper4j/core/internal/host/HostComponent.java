/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

import org.klipper4j.core.api.PrinterHost;
import org.klipper4j.core.api.PrinterModule;
import org.klipper4j.core.api.StartArgs;
import org.klipper4j.core.api.motion.KinematicsFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The printer host as a DS component: tracks every {@link PrinterModule} service
 * (getting it only when a config section needs it),
 * runs the host loop when start arguments are present (framework properties
 * set by the launcher or a test), and publishes {@link PrinterHost}.
 */
@Component(immediate = true, service = {})
public final class HostComponent {
    private static final Logger LOG = LoggerFactory.getLogger(HostComponent.class);
    /** Service property of the launcher's exit-code consumer. */
    static final String EXIT_FILTER = "(klipper4j.exit=true)";

    private final BundleContext context;
    private final ModuleRegistry registry = new ModuleRegistry();
    /** The module and kinematics services by service id, got on first use. */
    private final Map<Long, LazyService<?>> services = new ConcurrentHashMap<>();
    private HostLoop loop;
    private ServiceRegistration<PrinterHost> registration;

    @Activate
    public HostComponent(BundleContext context) {
        this.context = context;
    }

    /**
     * Binds by reference only: DS then does not get the service, so the module's
     * component stays unactivated (its classes unloaded) until a section needs it.
     */
    @Reference(service = PrinterModule.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindModule(ServiceReference<PrinterModule> ref) {
        Object section = ref.getProperty(PrinterModule.SECTION);
        if (!(section instanceof String) || ((String) section).isBlank()) {
            LOG.warn("Ignoring PrinterModule service {} without a '{}' property", ref, PrinterModule.SECTION);
            return;
        }
        String name = ((String) section).trim();
        boolean prefix = Boolean.parseBoolean(String.valueOf(ref.getProperty(PrinterModule.PREFIX)));
        boolean numbered = Boolean.parseBoolean(String.valueOf(ref.getProperty(PrinterModule.NUMBERED)));
        Object rankingProp = ref.getProperty(Constants.SERVICE_RANKING);
        int ranking = rankingProp instanceof Integer ? (Integer) rankingProp : 0;
        long id = (Long) ref.getProperty(Constants.SERVICE_ID);
        LazyService<PrinterModule> service = track(id, new LazyService<>(context, ref));
        registry.add(new ModuleEntry(name, prefix, new ServiceModule(name, service), service.origin(), id, ranking,
                numbered));
    }

    void unbindModule(ServiceReference<PrinterModule> ref) {
        long id = (Long) ref.getProperty(Constants.SERVICE_ID);
        registry.remove(id);
        release(id);
    }

    @Reference(service = KinematicsFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindKinematics(ServiceReference<KinematicsFactory> ref) {
        Object name = ref.getProperty(KinematicsFactory.KINEMATICS);
        if (!(name instanceof String) || ((String) name).isBlank()) {
            LOG.warn("Ignoring KinematicsFactory service {} without a '{}' property", ref, KinematicsFactory.KINEMATICS);
            return;
        }
        String kinematics = ((String) name).trim();
        long id = (Long) ref.getProperty(Constants.SERVICE_ID);
        LazyService<KinematicsFactory> service = track(id, new LazyService<>(context, ref));
        registry.addKinematics(new ModuleRegistry.KinematicsEntry(kinematics,
                new ServiceKinematicsFactory(kinematics, service), service.origin(), id));
    }

    void unbindKinematics(ServiceReference<KinematicsFactory> ref) {
        long id = (Long) ref.getProperty(Constants.SERVICE_ID);
        registry.removeKinematics(id);
        release(id);
    }

    private <T> LazyService<T> track(long serviceId, LazyService<T> service) {
        LazyService<?> old = services.put(serviceId, service);
        if (old != null) {
            old.release();
        }
        return service;
    }

    private void release(long serviceId) {
        LazyService<?> service = services.remove(serviceId);
        if (service != null) {
            service.release();
        }
    }

    @Activate
    void activate(Map<String, Object> props) {
        StartArgs.fromProperties(context::getProperty).ifPresentOrElse(args -> {
            loop = new HostLoop(args, registry, this::exitProcess);
            loop.start();
            registration = context.registerService(PrinterHost.class, new PrinterHostService(loop), null);
        }, () -> LOG.info("No '{}' framework property: the printer host is idle", StartArgs.PROP_CONFIG));
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        if (loop != null) {
            loop.stop();
            loop = null;
        }
        services.values().forEach(LazyService::release);
        services.clear();
    }

    /** Hands the exit code to the launcher's consumer; without a launcher (tests) the host just stops. */
    private void exitProcess(int code) {
        try {
            for (ServiceReference<IntConsumer> ref : context.getServiceReferences(IntConsumer.class, EXIT_FILTER)) {
                IntConsumer consumer = context.getService(ref);
                if (consumer != null) {
                    consumer.accept(code);
                    context.ungetService(ref);
                    return;
                }
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            LOG.debug("No exit consumer", e);
        }
        LOG.info("Host finished with exit code {} (no launcher to exit)", code);
    }
}
