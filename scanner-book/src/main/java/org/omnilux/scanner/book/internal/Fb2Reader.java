package org.omnilux.scanner.book.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.omnilux.api.scanner.MediaScanException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a FictionBook 2 file: {@code title-info} (book-title, authors, lang, sequence → series, date, coverpage)
 * and {@code publish-info} (publisher, isbn, year); the cover is the {@code binary} the coverpage links to.
 *
 * <p>Also a zipped one ({@code Author - Title.fb2.zip}, one book per zip, as FB2 libraries keep most of theirs):
 * its one {@code .fb2} entry is read as a plain {@code .fb2} file would be, within the same bound, through
 * {@link BookZips} as an EPUB is. Stateless and thread-safe.
 */
final class Fb2Reader {

    /** The name a zipped FB2 ends with; {@link FileNames} and {@link BookScanner} go by it too. */
    static final String ZIPPED_SUFFIX = ".fb2.zip";

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
        return read(document, "not a readable FB2 book: ");
    }

    /**
     * Reads the FB2 book a {@code .fb2.zip} holds. Its entry is inflated no further than the size its header
     * claims (never past {@link Limits#MAX_FB2_BYTES}): a book that grows past what it claimed is a zip bomb or a
     * broken zip, and costs no more than its claim.
     *
     * @throws MediaScanException when the file is no zip or a truncated one, holds no {@code .fb2} or several
     *                            (one file is one book: which of several would it be?), or its book inflates past
     *                            its claimed size
     */
    BookInfo readZipped(Path file) throws MediaScanException {
        String failure = "not a readable FB2 zip: ";
        Document document;
        try (ZipFile zip = BookZips.open(file)) {
            ZipEntry entry = onlyBook(zip, failure);
            long claimed = entry.getSize();
            if (claimed > Limits.MAX_FB2_BYTES) {
                return new BookInfo(); // as a plain .fb2 this large: listed by its name rather than parsed
            }
            long bound = claimed >= 0 ? claimed : Limits.MAX_FB2_BYTES;
            try (InputStream in = BookZips.stream(zip, entry, bound, "the FB2 book in it")) {
                document = SafeXml.parse(in);
            } catch (Limits.TooLargeException e) {
                throw new MediaScanException(failure + (claimed >= 0
                        ? "the FB2 book in it inflates to more than the " + claimed + " bytes its header claims"
                                + " (a zip bomb, or a broken zip)"
                        : e.getMessage()), e);
            }
        } catch (IOException e) { // ZipException for a truncated or non-zip file
            throw new MediaScanException(failure + e.getMessage(), e);
        }
        return read(document, failure);
    }

    /** The zip's one {@code .fb2}: folders and macOS resource forks ({@code __MACOSX/}, {@code ._x.fb2}) aside. */
    private static ZipEntry onlyBook(ZipFile zip, String failure) throws MediaScanException {
        List<? extends ZipEntry> books = zip.stream().filter(Fb2Reader::isBook).limit(4).toList();
        if (books.isEmpty()) {
            throw new MediaScanException(failure + "it holds no .fb2 book");
        }
        if (books.size() > 1) {
            String names = String.join(", ",
                    books.stream().limit(3).map(e -> Limits.shortened(e.getName(), 100)).toList());
            throw new MediaScanException(failure + "it holds " + (books.size() > 3 ? "more than 3" : books.size())
                    + " .fb2 books (" + names + (books.size() > 3 ? ", …" : "") + "), one .fb2.zip is one book");
        }
        return books.get(0);
    }

    private static boolean isBook(ZipEntry entry) {
        String path = entry.getName();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return !entry.isDirectory() && name.toLowerCase(Locale.ROOT).endsWith(".fb2") && !name.startsWith("._")
                && !path.startsWith("__MACOSX/");
    }

    private static BookInfo read(Document document, String failure) throws MediaScanException {
        Element root = document.getDocumentElement();
        if (!"FictionBook".equals(SafeXml.localName(root))) {
            throw new MediaScanException(failure + "the root element is <" + SafeXml.localName(root) + ">");
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
