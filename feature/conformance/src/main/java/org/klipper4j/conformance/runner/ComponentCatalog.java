/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.runner;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Manifest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DS components of the bundles on a class path, found as the DS runtime finds
 * them: each bundle's manifest names its component descriptions in the
 * {@code Service-Component} header ({@code OSGI-INF/*.xml}, written by bnd).
 * Classes compiled but not packaged (target/classes) have no such header.
 */
public final class ComponentCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(ComponentCatalog.class);
    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private final List<ComponentDescription> components;

    public ComponentCatalog(List<ComponentDescription> components) {
        this.components = List.copyOf(components);
    }

    /** Every component of every bundle visible to {@code loader}. */
    public static ComponentCatalog scan(ClassLoader loader) throws IOException {
        List<ComponentDescription> found = new ArrayList<>();
        Enumeration<URL> manifests = loader.getResources(MANIFEST);
        for (URL url : Collections.list(manifests)) {
            String header;
            try (InputStream in = url.openStream()) {
                header = new Manifest(in).getMainAttributes().getValue("Service-Component");
            }
            if (header == null || header.isBlank()) {
                continue;
            }
            String base = url.toString().substring(0, url.toString().length() - MANIFEST.length());
            for (String path : header.split(",")) {
                String p = path.trim();
                if (p.contains("*")) {
                    LOG.warn("Component path pattern '{}' in {} is not supported; list the files", p, base);
                    continue;
                }
                try (InputStream in = URI.create(base + p).toURL().openStream()) {
                    found.addAll(ComponentXmlReader.read(in, origin(base)));
                }
            }
        }
        return new ComponentCatalog(found);
    }

    /** The jar's file name, e.g. {@code print-stats-0.1.0-SNAPSHOT.jar}. */
    private static String origin(String base) {
        String s = base.endsWith("!/") ? base.substring(0, base.length() - 2) : base;
        return s.substring(s.lastIndexOf('/', s.length() - 2) + 1);
    }

    public List<ComponentDescription> components() {
        return components;
    }

    /** The components that provide {@code type}. */
    public List<ComponentDescription> providing(Class<?> type) {
        return components.stream().filter(c -> c.provides(type)).toList();
    }
}
