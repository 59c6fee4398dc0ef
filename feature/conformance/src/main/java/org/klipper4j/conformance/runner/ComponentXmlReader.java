/* klipper4j - a Klipper-compatible printer host. GPL-3.0-only. */
package org.klipper4j.conformance.runner;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Reads DS component descriptions ({@code scr:component} documents). */
final class ComponentXmlReader {
    private ComponentXmlReader() {
    }

    /** The components in one document (a document may hold one or several). */
    static List<ComponentDescription> read(InputStream in, String origin) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Malformed component description in " + origin + ": " + e.getMessage(), e);
        }
        List<ComponentDescription> out = new ArrayList<>();
        collect(doc.getDocumentElement(), origin, out);
        return out;
    }

    private static void collect(Element e, String origin, List<ComponentDescription> out) {
        if (localName(e).equals("component")) {
            out.add(component(e, origin));
            return;
        }
        for (Element child : children(e)) {
            collect(child, origin, out);
        }
    }

    private static ComponentDescription component(Element e, String origin) {
        String implementation = null;
        List<String> services = new ArrayList<>();
        Map<String, Object> props = new LinkedHashMap<>();
        List<ComponentDescription.Reference> refs = new ArrayList<>();
        for (Element child : children(e)) {
            switch (localName(child)) {
                case "implementation" -> implementation = child.getAttribute("class");
                case "service" -> children(child).stream().filter(p -> localName(p).equals("provide"))
                        .forEach(p -> services.add(p.getAttribute("interface")));
                case "property" -> props.put(child.getAttribute("name"), propertyValue(child));
                case "reference" -> refs.add(new ComponentDescription.Reference(child.getAttribute("name"),
                        child.getAttribute("interface"), attr(child, "cardinality", "1..1"), attr(child, "bind", null),
                        attr(child, "field", null)));
                default -> {
                    // factory properties files and the like are not used by klipper4j bundles
                }
            }
        }
        String init = attr(e, "init", "0");
        return new ComponentDescription(attr(e, "name", implementation), implementation, List.copyOf(services),
                props, List.copyOf(refs), attr(e, "activate", null), Integer.parseInt(init.trim()), origin);
    }

    /** A property value in its declared type; a multi-line body gives an array. */
    private static Object propertyValue(Element p) {
        String type = attr(p, "type", "String");
        String value = p.hasAttribute("value") ? p.getAttribute("value") : null;
        if (value == null) {
            List<String> lines = p.getTextContent().lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
            return lines.toArray(new String[0]);
        }
        return switch (type) {
            case "Boolean" -> Boolean.parseBoolean(value.trim());
            case "Integer" -> Integer.parseInt(value.trim());
            case "Long" -> Long.parseLong(value.trim());
            case "Double" -> Double.parseDouble(value.trim());
            default -> value;
        };
    }

    private static String attr(Element e, String name, String fallback) {
        return e.hasAttribute(name) ? e.getAttribute(name) : fallback;
    }

    private static String localName(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = e.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }
}
