package org.omnilux.scanner.comic.internal;

import java.io.IOException;
import java.time.Year;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads {@code ComicInfo.xml} (the ComicRack schema, also written by Mylar, Komga, ComicTagger): Series, Number,
 * Volume, Title, Writer, Publisher, Year, PageCount and the page marked {@code FrontCover}. Unset values in the
 * schema's style ({@code -1}, {@code 0}, blank) count as absent. Stateless and thread-safe.
 */
final class ComicInfoReader {

    /** What ComicInfo.xml says; any field may be {@code null}. */
    record ComicInfo(String series, String number, Integer volume, String title, String writer, String publisher,
            Integer year, Integer pageCount, Integer frontCoverIndex) {
    }

    /** @throws IOException when the XML is malformed (the caller falls back to the file name) */
    ComicInfo read(byte[] xml) throws IOException {
        Document document = SafeXml.parse(xml);
        Element root = document.getDocumentElement();
        Integer frontCover = null;
        NodeList pages = root.getElementsByTagNameNS("*", "Page");
        for (int i = 0; i < pages.getLength(); i++) {
            Element page = (Element) pages.item(i);
            if ("FrontCover".equalsIgnoreCase(page.getAttribute("Type").strip())) {
                frontCover = nonNegative(page.getAttribute("Image"));
                break;
            }
        }
        Integer year = positive(text(root, "Year"));
        if (year != null && (year < 1800 || year > Year.now().getValue() + 1)) {
            year = null;
        }
        return new ComicInfo(text(root, "Series"), ComicNameParser.normaliseIssue(text(root, "Number")),
                positive(text(root, "Volume")), text(root, "Title"), text(root, "Writer"), text(root, "Publisher"),
                year, positive(text(root, "PageCount")), frontCover);
    }

    /** The text of the first direct child with this local name, trimmed; {@code null} when absent or blank. */
    private static String text(Element root, String name) {
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node node = children.item(i);
            String local = node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
            if (node instanceof Element && name.equals(local)) {
                String text = node.getTextContent();
                text = text == null ? "" : text.strip().replaceAll("\\s+", " ");
                return text.isEmpty() ? null : text;
            }
        }
        return null;
    }

    private static Integer positive(String value) {
        Integer n = integer(value);
        return n != null && n > 0 ? n : null;
    }

    private static Integer nonNegative(String value) {
        Integer n = integer(value);
        return n != null && n >= 0 ? n : null;
    }

    private static Integer integer(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
