package org.omnilux.scanner.book.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.omnilux.api.scanner.MediaScanException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads the package document (OPF) of an EPUB 2 or 3 (or of an OEB 1 book): {@code META-INF/container.xml} names
 * the OPF, whose Dublin Core metadata gives title, authors, publisher, identifiers (ISBN), language and date, whose
 * {@code calibre:series} or EPUB 3 {@code belongs-to-collection} metas give the series, and whose manifest names
 * the cover image.
 *
 * <p>Only the two XML documents and the cover are decompressed, each bounded ({@link Limits}), so a zip bomb
 * costs at most those bounds. Stateless and thread-safe.
 */
final class EpubReader {

    private static final String OPF_MEDIA_TYPE = "application/oebps-package+xml";

    BookInfo read(Path file) throws MediaScanException {
        try (ZipFile zip = BookZips.open(file)) {
            String named = opfNamedByContainer(zip);
            String opfPath = named;
            ZipEntry opfEntry = named == null ? null : zip.getEntry(named);
            if (opfEntry == null) {
                // no container.xml (a sloppy packer), or one naming a file the zip lacks (Content.opf for
                // content.opf, packed on a case-insensitive file system): the book's only OPF is its OPF
                opfPath = onlyOpf(zip);
                opfEntry = opfPath == null ? null : zip.getEntry(opfPath);
            }
            if (opfEntry == null) {
                throw new MediaScanException(named == null ? "not a readable EPUB: no OPF package document"
                        : "not a readable EPUB: META-INF/container.xml names " + Limits.shortened(named, 200)
                                + ", which is not in the book");
            }
            Document opf = SafeXml.parse(
                    BookZips.read(zip, opfEntry, Limits.MAX_XML_BYTES, "the OPF package document"));
            BookInfo info = new BookInfo();
            Element root = opf.getDocumentElement();
            Element metadata = SafeXml.child(root, "metadata");
            if (metadata == null) {
                throw new MediaScanException("not a readable EPUB: the OPF package document has no metadata");
            }
            metadata = flattenedOeb1(metadata);
            readMetadata(metadata, info);
            info.cover = readCover(zip, opfPath, root, metadata);
            return info;
        } catch (IOException e) { // ZipException for a truncated or non-zip file
            throw new MediaScanException("not a readable EPUB: " + e.getMessage(), e);
        }
    }

    /**
     * An OEB 1 package (EPUB 2's predecessor: old books, and converters that still write it) groups its Dublin Core
     * elements in {@code dc-metadata}, capitalised ({@code dc:Title}), and its metas in {@code x-metadata}. Taken
     * out of their groups, with the names in lower case, they read as EPUB 2's metadata: a detached copy, so the
     * document itself is left as it was.
     */
    private static Element flattenedOeb1(Element metadata) {
        Element dublinCore = SafeXml.child(metadata, "dc-metadata");
        Element extra = SafeXml.child(metadata, "x-metadata");
        if (dublinCore == null && extra == null) {
            return metadata;
        }
        Document document = metadata.getOwnerDocument();
        Element flat = (Element) metadata.cloneNode(false);
        for (Element child : SafeXml.children(metadata, null)) {
            if (child != dublinCore && child != extra) {
                flat.appendChild(child.cloneNode(true));
                continue;
            }
            for (Element element : SafeXml.children(child, null)) {
                Element copy = (Element) element.cloneNode(true);
                String name = SafeXml.localName(copy).toLowerCase(Locale.ROOT);
                flat.appendChild(document.renameNode(copy, copy.getNamespaceURI(),
                        copy.getPrefix() == null ? name : copy.getPrefix() + ":" + name));
            }
        }
        return flat;
    }

    /** @return the OPF path container.xml names, or {@code null} without a container.xml or a rootfile in it */
    private static String opfNamedByContainer(ZipFile zip) throws IOException {
        ZipEntry container = zip.getEntry("META-INF/container.xml");
        if (container != null) {
            Document document = SafeXml.parse(
                    BookZips.read(zip, container, Limits.MAX_XML_BYTES, "META-INF/container.xml"));
            String first = null;
            for (Element rootfile : SafeXml.descendants(document.getDocumentElement(), "rootfile")) {
                String path = SafeXml.attribute(rootfile, "full-path");
                String type = SafeXml.attribute(rootfile, "media-type");
                if (path != null && (type == null || OPF_MEDIA_TYPE.equals(type))) {
                    return path;
                }
                first = first == null ? path : first;
            }
            return first;
        }
        return null;
    }

    /** @return the single {@code .opf} of the zip, or {@code null} when it holds none or several */
    private static String onlyOpf(ZipFile zip) {
        List<String> opfs = zip.stream().map(ZipEntry::getName)
                .filter(name -> name.toLowerCase(Locale.ROOT).endsWith(".opf")).limit(2).toList();
        return opfs.size() == 1 ? opfs.get(0) : null;
    }

    /** Reads the package document's {@code metadata} element; calibre's {@code metadata.opf} shares it. */
    static void readMetadata(Element metadata, BookInfo info) {
        Map<String, Map<String, String>> refinements = refinements(metadata);

        for (Element title : SafeXml.children(metadata, "title")) {
            String type = refined(refinements, title, "title-type");
            String text = SafeXml.text(title);
            if (text != null && (info.title == null || "main".equals(type))) {
                info.title = text;
                if ("main".equals(type)) {
                    break;
                }
            }
        }

        for (Element creator : SafeXml.children(metadata, "creator")) {
            String role = SafeXml.attribute(creator, "role");
            if (role == null) {
                role = refined(refinements, creator, "role");
            }
            if (role == null || role.equalsIgnoreCase("aut")) {
                info.addAuthor(SafeXml.text(creator));
            }
        }

        info.publisher = SafeXml.text(SafeXml.child(metadata, "publisher"));
        info.isbn = isbn(metadata, refinements);
        info.language = LanguageCodes.normalise(SafeXml.text(SafeXml.child(metadata, "language")));

        for (Element date : SafeXml.children(metadata, "date")) {
            String event = SafeXml.attribute(date, "event");
            if (event == null || event.equalsIgnoreCase("publication") || event.equalsIgnoreCase("original-publication")) {
                Integer year = Years.fromDate(SafeXml.text(date));
                if (year != null) {
                    info.year = year;
                    break;
                }
            }
        }

        readSeries(metadata, refinements, info);
    }

    private static String isbn(Element metadata, Map<String, Map<String, String>> refinements) {
        String declared = null;
        String loose = null;
        for (Element identifier : SafeXml.children(metadata, "identifier")) {
            String value = SafeXml.text(identifier);
            String scheme = SafeXml.attribute(identifier, "scheme");
            if (scheme == null) {
                scheme = refined(refinements, identifier, "identifier-type");
            }
            String isbn = Isbn.normalise(value);
            if (isbn == null) {
                continue;
            }
            if ((scheme != null && scheme.toLowerCase(Locale.ROOT).contains("isbn")) || Isbn.hasPrefix(value)) {
                declared = preferred(declared, isbn);
            } else {
                // a bare 10/13-digit value with a valid check digit: most likely an ISBN, but a declared one wins
                loose = preferred(loose, isbn);
            }
        }
        return declared != null ? declared : loose;
    }

    /**
     * Of two ISBNs the ISBN-13 (books often carry both forms of the same edition, and the 13-digit one is what
     * catalogues use since 2007), else the first.
     */
    private static String preferred(String current, String candidate) {
        return current == null || current.length() == 10 && candidate.length() == 13 ? candidate : current;
    }

    private static void readSeries(Element metadata, Map<String, Map<String, String>> refinements, BookInfo info) {
        String calibreSeries = null;
        String calibreIndex = null;
        for (Element meta : SafeXml.children(metadata, "meta")) {
            String name = SafeXml.attribute(meta, "name");
            if ("calibre:series".equals(name)) {
                calibreSeries = SafeXml.attribute(meta, "content");
            } else if ("calibre:series_index".equals(name)) {
                calibreIndex = SafeXml.attribute(meta, "content");
            } else if ("belongs-to-collection".equals(SafeXml.attribute(meta, "property")) && info.series == null) {
                String id = SafeXml.attribute(meta, "id");
                Map<String, String> refines = id == null ? Map.of() : refinements.getOrDefault(id, Map.of());
                String type = refines.get("collection-type");
                if (type == null || type.equals("series")) {
                    info.series = SafeXml.text(meta);
                    info.seriesIndex = decimal(refines.get("group-position"));
                }
            }
        }
        if (calibreSeries != null) {
            info.series = calibreSeries;
            info.seriesIndex = decimal(calibreIndex);
        }
    }

    /** EPUB 3 {@code <meta refines="#id" property="p">v</meta>}: id → property → value (the first of each). */
    private static Map<String, Map<String, String>> refinements(Element metadata) {
        Map<String, Map<String, String>> refinements = new HashMap<>();
        for (Element meta : SafeXml.children(metadata, "meta")) {
            String refines = SafeXml.attribute(meta, "refines");
            String property = SafeXml.attribute(meta, "property");
            String value = SafeXml.text(meta);
            if (refines != null && refines.startsWith("#") && property != null && value != null) {
                refinements.computeIfAbsent(refines.substring(1), id -> new HashMap<>()).putIfAbsent(property, value);
            }
        }
        return refinements;
    }

    private static String refined(Map<String, Map<String, String>> refinements, Element element, String property) {
        String id = element.hasAttribute("id") ? element.getAttribute("id") : null;
        return id == null ? null : refinements.getOrDefault(id, Map.of()).get(property);
    }

    static Double decimal(String value) {
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.strip());
            return Double.isFinite(d) && d >= 0 ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- cover

    private static byte[] readCover(ZipFile zip, String opfPath, Element root, Element metadata) throws IOException {
        Element manifest = SafeXml.child(root, "manifest");
        if (manifest == null) {
            return null;
        }
        List<Element> items = SafeXml.children(manifest, "item");
        String href = coverHref(items, metadata);
        if (href == null) {
            return null;
        }
        ZipEntry entry = zip.getEntry(resolve(opfPath, href));
        if (entry == null || entry.isDirectory()) {
            return null;
        }
        try {
            return BookZips.read(zip, entry, Limits.MAX_COVER_BYTES, "the cover");
        } catch (Limits.TooLargeException e) {
            return null; // a book with an absurd cover is still a book
        }
    }

    /** EPUB 3 cover-image property, then the EPUB 2 cover meta, then an image item called cover*. */
    private static String coverHref(List<Element> items, Element metadata) {
        for (Element item : items) {
            String properties = SafeXml.attribute(item, "properties");
            if (properties != null && List.of(properties.split("\\s+")).contains("cover-image")) {
                return SafeXml.attribute(item, "href");
            }
        }
        String coverId = null;
        for (Element meta : SafeXml.children(metadata, "meta")) {
            if ("cover".equals(SafeXml.attribute(meta, "name"))) {
                coverId = SafeXml.attribute(meta, "content");
            }
        }
        if (coverId != null) {
            for (Element item : items) {
                if (coverId.equals(SafeXml.attribute(item, "id")) && isImage(item)) {
                    return SafeXml.attribute(item, "href");
                }
            }
            for (Element item : items) { // some packers put the href in the meta instead of the id
                if (coverId.equals(SafeXml.attribute(item, "href")) && isImage(item)) {
                    return coverId;
                }
            }
        }
        List<Element> candidates = new ArrayList<>();
        for (Element item : items) {
            String id = lower(SafeXml.attribute(item, "id"));
            String href = lower(SafeXml.attribute(item, "href"));
            String file = href.substring(href.lastIndexOf('/') + 1);
            if (isImage(item) && (id.startsWith("cover") || file.startsWith("cover"))) {
                candidates.add(item);
            }
        }
        return candidates.isEmpty() ? null : SafeXml.attribute(candidates.get(0), "href");
    }

    private static boolean isImage(Element item) {
        String type = SafeXml.attribute(item, "media-type");
        return type != null && type.startsWith("image/") && !type.equals("image/svg+xml");
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }

    /** A manifest href is relative to the OPF and URL-encoded ({@code Images/my%20cover.jpg}). */
    static String resolve(String opfPath, String href) {
        String decoded;
        try {
            decoded = new URI(href).getPath(); // percent-decoded, without a #fragment
        } catch (URISyntaxException e) {
            decoded = null; // a raw href with spaces: taken as written
        }
        if (decoded == null) {
            decoded = href;
        }
        int slash = opfPath.lastIndexOf('/');
        String base = slash < 0 ? "" : opfPath.substring(0, slash + 1);
        List<String> parts = new ArrayList<>();
        for (String part : (base + decoded).split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
