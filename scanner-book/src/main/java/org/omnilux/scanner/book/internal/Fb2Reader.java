package org.omnilux.scanner.book.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.omnilux.api.scanner.MediaScanException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a FictionBook 2 file: {@code title-info} (book-title, authors, lang, sequence → series, date, coverpage)
 * and {@code publish-info} (publisher, isbn, year); the cover is the {@code binary} the coverpage links to.
 * Stateless and thread-safe.
 */
final class Fb2Reader {

    BookInfo read(Path file) throws MediaScanException {
        Document document;
        try {
            if (Files.size(file) > Limits.MAX_FB2_BYTES) {
                return new BookInfo(); // listed by its name rather than parsed
            }
            try (InputStream in = Files.newInputStream(file)) {
                document = SafeXml.parse(in);
            }
        } catch (IOException e) {
            throw new MediaScanException("not a readable FB2 book: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!"FictionBook".equals(SafeXml.localName(root))) {
            throw new MediaScanException("not a readable FB2 book: the root element is <" + SafeXml.localName(root) + ">");
        }
        BookInfo info = new BookInfo();
        Element description = SafeXml.child(root, "description");
        Element titleInfo = SafeXml.child(description, "title-info");
        Element publishInfo = SafeXml.child(description, "publish-info");

        info.title = SafeXml.text(SafeXml.child(titleInfo, "book-title"));
        for (Element author : SafeXml.children(titleInfo, "author")) {
            info.addAuthor(name(author));
        }
        info.language = LanguageCodes.normalise(SafeXml.text(SafeXml.child(titleInfo, "lang")));
        Element sequence = SafeXml.child(titleInfo, "sequence");
        if (sequence == null) {
            sequence = SafeXml.child(publishInfo, "sequence");
        }
        if (sequence != null) {
            info.series = SafeXml.attribute(sequence, "name");
            info.seriesIndex = info.series == null ? null : EpubReader.decimal(SafeXml.attribute(sequence, "number"));
        }

        info.publisher = SafeXml.text(SafeXml.child(publishInfo, "publisher"));
        info.isbn = Isbn.normalise(SafeXml.text(SafeXml.child(publishInfo, "isbn")));
        info.year = Years.fromDate(SafeXml.text(SafeXml.child(publishInfo, "year")));
        if (info.year == null) {
            Element date = SafeXml.child(titleInfo, "date");
            info.year = Years.fromDate(SafeXml.attribute(date, "value"));
            if (info.year == null) {
                info.year = Years.fromDate(SafeXml.text(date));
            }
        }
        info.cover = cover(root, titleInfo);
        return info;
    }

    /** first middle last, or the nickname when there are no names. */
    private static String name(Element author) {
        List<String> parts = new ArrayList<>();
        for (String part : List.of("first-name", "middle-name", "last-name")) {
            String text = SafeXml.text(SafeXml.child(author, part));
            if (text != null) {
                parts.add(text);
            }
        }
        return parts.isEmpty() ? SafeXml.text(SafeXml.child(author, "nickname")) : String.join(" ", parts);
    }

    private static byte[] cover(Element root, Element titleInfo) {
        Element image = SafeXml.child(SafeXml.child(titleInfo, "coverpage"), "image");
        String href = SafeXml.attribute(image, "href");
        if (href == null || !href.startsWith("#")) {
            return null;
        }
        String id = href.substring(1);
        for (Element binary : SafeXml.children(root, "binary")) {
            if (id.equals(SafeXml.attribute(binary, "id"))) {
                String base64 = binary.getTextContent();
                if (base64 == null || base64.length() > Limits.MAX_COVER_BYTES / 3 * 4 + 4096) {
                    return null;
                }
                try {
                    return Base64.getMimeDecoder().decode(base64.strip());
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
