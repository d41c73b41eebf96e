package org.omnilux.scanner.book.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The JDK's DOM parser set up for untrusted files: a DOCTYPE is read (OEB 1.x packages and some FB2 files declare
 * one) but nothing outside the document is: no external DTD, entity or schema, no XInclude; the JDK's secure
 * processing limits bound entity expansion (a "billion laughs" document is malformed). Namespace-aware.
 */
final class SafeXml {

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SafeXml() {
    }

    static Document parse(byte[] xml) throws IOException {
        return parse(new ByteArrayInputStream(xml));
    }

    /** @throws IOException when the document is not well-formed or expands entities beyond the JDK's limits */
    static Document parse(InputStream in) throws IOException {
        try {
            // newDefaultInstance: the JDK's own parser, whatever a bundle or the context class loader offers
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            // whatever slips past the features above resolves to nothing rather than to a file or URL
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return builder.parse(in);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a security feature", e);
        } catch (SAXException e) {
            throw new IOException("malformed XML: " + e.getMessage(), e);
        }
    }

    /**
     * @return the child elements of {@code parent} with this local name (all of them for {@code null}), any
     *         namespace, in document order
     */
    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && (localName == null || localName.equals(localName(element)))) {
                found.add(element);
            }
        }
        return found;
    }

    static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    /** @return all descendants with this local name, any namespace */
    static List<Element> descendants(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    /** @return the trimmed text content, or {@code null} when there is none */
    static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent();
        return blankToNull(text == null ? null : text.replaceAll("\\s+", " "));
    }

    /** @return an attribute by local name whatever its namespace prefix, or {@code null} when absent or blank */
    static String attribute(Element element, String localName) {
        if (element == null) {
            return null;
        }
        var attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getNodeName();
            if (localName.equals(name) || name.endsWith(":" + localName)) {
                return blankToNull(attribute.getNodeValue());
            }
        }
        return null;
    }

    static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
