/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.core.internal.host;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A service obtained on first use instead of when it appears. Module and
 * kinematics services are delayed DS components: getting one activates it and
 * loads its classes, so the host gets only those the config asks for.
 */
final class LazyService<T> {
    private final BundleContext context;
    private final ServiceReference<T> reference;
    private T service;
    private boolean released;

    LazyService(BundleContext context, ServiceReference<T> reference) {
        this.context = context;
        this.reference = reference;
    }

    /** The service object, activating its component the first time; null if it cannot be had. */
    synchronized T get() {
        if (service == null && !released) {
            try {
                service = context.getService(reference);
            } catch (IllegalStateException e) {
                // our bundle context is no longer valid: the framework is stopping
                service = null;
            }
        }
        return service;
    }

    /** Gives the service back (it went away, or the host stops); later gets return null. */
    synchronized void release() {
        if (service != null) {
            try {
                context.ungetService(reference);
            } catch (IllegalStateException e) {
                // the framework is stopping: nothing to give back to
            }
            service = null;
        }
        released = true;
    }

    /** The bundle and version that registered the service, for messages. */
    String origin() {
        org.osgi.framework.Bundle bundle = reference.getBundle();
        return bundle == null ? "a removed bundle" : bundle.getSymbolicName() + " " + bundle.getVersion();
    }
}
