package org.omnilux.scanner.book.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.w3c.dom.Element;

/**
 * What calibre keeps beside each book of its library ({@code Author/Title (42)/Title - Author.epub}, the same
 * book's other formats, {@code metadata.opf}, {@code cover.jpg}): the book's metadata as the user edited it in
 * calibre, which calibre writes to the sidecar and not into the book files, and its cover. Only for a folder of one
 * book: every book file in it has the same name but for its format's extension, so a {@code metadata.opf} in a
 * folder of many books is nobody's.
 *
 * <p>The sidecar is a package document like an EPUB's OPF, read by the same code ({@link EpubReader}); one that
 * cannot be read, or is larger than an OPF may be ({@link Limits#MAX_XML_BYTES}), is ignored: the book is still
 * read from its own file. Immutable.
 *
 * @param info  the sidecar's metadata, or {@code null} without a readable sidecar; never modified once read
 * @param cover {@code cover.jpg} of the folder, or {@code null}
 */
record CalibreSidecar(BookInfo info, Path cover) {

    static final String METADATA = "metadata.opf";
    static final String COVER = "cover.jpg";
    static final CalibreSidecar NONE = new CalibreSidecar(null, null);

    /**
     * @param entries the book folder's entries
     * @param isBook  whether an entry is a book file (by its extension)
     */
    static CalibreSidecar of(List<Path> entries, Predicate<Path> isBook) {
        Path metadata = null;
        Path cover = null;
        String book = null;
        for (Path entry : entries) {
            String name = FileNames.name(entry);
            if (name.equalsIgnoreCase(METADATA)) {
                metadata = entry;
            } else if (name.equalsIgnoreCase(COVER)) {
                cover = entry;
            } else if (isBook.test(entry)) {
                String base = FileNames.baseName(name);
                if (book != null && !book.equals(base)) {
                    return NONE; // the books of a flat folder share no sidecar
                }
                book = base;
            }
        }
        if (metadata == null || book == null) {
            return NONE;
        }
        return new CalibreSidecar(read(metadata), cover);
    }

    private static BookInfo read(Path metadata) {
        try (InputStream in = Files.newInputStream(metadata)) {
            Element opf = SafeXml.parse(Limits.readBounded(in, Limits.MAX_XML_BYTES, METADATA)).getDocumentElement();
            Element values = SafeXml.child(opf, "metadata");
            if (values == null) {
                return null;
            }
            BookInfo info = new BookInfo();
            EpubReader.readMetadata(values, info);
            return info;
        } catch (IOException | RuntimeException e) {
            return null; // malformed, too large or unreadable: the book's own file still describes it
        }
    }

    /**
     * The book's values: the sidecar's where it has one, the file's elsewhere (the page count is only the file's),
     * and the folder's cover before the file's own.
     */
    BookInfo over(BookInfo own) {
        if (info == null) {
            return own;
        }
        BookInfo merged = new BookInfo();
        merged.title = info.title != null ? info.title : own.title;
        (info.authors.isEmpty() ? own.authors : info.authors).forEach(merged::addAuthor);
        merged.publisher = info.publisher != null ? info.publisher : own.publisher;
        merged.isbn = info.isbn != null ? info.isbn : own.isbn;
        merged.language = info.language != null ? info.language : own.language;
        merged.year = info.year != null ? info.year : own.year;
        merged.pageCount = own.pageCount;
        if (info.series != null) {
            merged.series = info.series;
            merged.seriesIndex = info.seriesIndex;
        } else {
            merged.series = own.series;
            merged.seriesIndex = own.seriesIndex;
        }
        merged.cover = own.cover;
        return merged;
    }
}
