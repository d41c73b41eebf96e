package org.omnilux.scanner.book.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.api.scanner.MediaTypeDescriptor;
import org.omnilux.api.scanner.MetadataField;
import org.omnilux.api.scanner.MetadataField.Type;
import org.omnilux.api.scanner.ScanContext;
import org.omnilux.api.scanner.ScannerDescriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@code book} media type: e-books.
 *
 * <p>EPUB 2/3 metadata comes from the package document (title, authors, publisher, ISBN, language, date, series,
 * cover); PDF metadata from the document information, with the page count and the first page rendered as the
 * cover (PDFBox); FB2 from its {@code title-info}/{@code publish-info}; MOBI, AZW and AZW3 from their MOBI and
 * EXTH headers ({@link MobiReader}: full name, authors, publisher, ISBN, language, date, cover). A zipped FB2
 * ({@code .fb2.zip}, one book per zip) is read as its FB2 and taken whenever {@code fb2} is. TXT and DjVu files
 * are listed with what their names say ({@code Author - Title (Year).txt}). Whatever a file lacks, its name fills
 * in. A book in a calibre library takes what calibre keeps beside it ({@link CalibreSidecar}: {@code metadata.opf}
 * before the file's own values, {@code cover.jpg} as its cover). No audio or video: the prober is never called, the
 * container is the book format.
 *
 * <p>Configured under the PID {@value #PID} ({@link Config}); a change applies from the next file on, without
 * re-registering the service, so a running scan goes on.
 *
 * <p>Thread-safe: the core may call it from several scan threads at once; its only state is the immutable
 * {@link BookSettings} of the current configuration.
 */
@Component(service = MediaScanner.class, configurationPid = BookScanner.PID)
@Designate(ocd = BookScanner.Config.class)
public class BookScanner implements MediaScanner {

    static final String PID = "org.omnilux.scanner.book";
    static final String MEDIA_TYPE = "book";

    @ObjectClassDefinition(id = PID, name = "OmniLux book scanner",
            description = "Which files are e-books, and whether their covers are read. Changes apply to the next "
                    + "file scanned.")
    public @interface Config {
        @AttributeDefinition(name = "Extensions", description = "File name extensions of e-books, separated by "
                + "commas; formats without a reader of their own are listed by their names; fb2 takes zipped FB2 "
                + "books (.fb2.zip) too")
        String[] extensions() default BookSettings.DEFAULT_EXTENSIONS;

        @AttributeDefinition(name = "Covers", description = "Read covers from the books: the EPUB, FB2 and MOBI "
                + "cover image, a PDF's first page rendered (most of the time a PDF takes)")
        boolean covers() default true;
    }

    private final BookNameParser nameParser = new BookNameParser();
    private final EpubReader epubReader = new EpubReader();
    private final PdfReader pdfReader = new PdfReader();
    private final Fb2Reader fb2Reader = new Fb2Reader();
    private final MobiReader mobiReader = new MobiReader();
    private volatile BookSettings settings;

    /** A scanner with the default configuration (tests). */
    public BookScanner() {
        settings = BookSettings.DEFAULTS;
    }

    @Activate
    public BookScanner(Config config) {
        settings = BookSettings.from(config);
    }

    @Modified
    void modified(Config config) {
        settings = BookSettings.from(config);
    }

    BookSettings settings() {
        return settings;
    }

    @Override
    public ScannerDescriptor descriptor() {
        // a fresh object per call: DTOs are mutable, and the descriptor must never change
        ScannerDescriptor descriptor = new ScannerDescriptor();
        descriptor.mediaTypes.add(new MediaTypeDescriptor(MEDIA_TYPE, List.of(
                MetadataField.of("author", Type.STRING),
                MetadataField.of("publisher", Type.STRING),
                MetadataField.of("isbn", Type.STRING),
                MetadataField.of("language", Type.STRING),
                MetadataField.of("pageCount", Type.INTEGER),
                MetadataField.of("posterUrl", Type.STRING),
                MetadataField.of("series", Type.STRING),
                MetadataField.of("seriesIndex", Type.DECIMAL))));
        descriptor.extensions.addAll(settings.extensions());
        return descriptor;
    }

    @Override
    public boolean accepts(Path file, Path root) {
        // a zipped FB2 goes with fb2: the descriptor has no dotted extensions, and a zip of anything else is no book
        return isBook(settings, FileNames.name(file));
    }

    private static boolean isBook(BookSettings settings, String fileName) {
        return settings.accepts(FileNames.isZippedFb2(fileName) ? "fb2" : FileNames.extension(fileName));
    }

    @Override
    public Optional<MediaRecord> recognise(ScanContext context) throws MediaScanException {
        Path file = context.file();
        boolean zippedFb2 = FileNames.isZippedFb2(FileNames.name(file));
        // a zipped FB2 has its book's format as container, as a plain one: fb2 (its path shows the zip)
        String extension = zippedFb2 ? "fb2" : FileNames.extension(FileNames.name(file));
        if (context.sizeBytes() == 0) {
            throw new MediaScanException("empty file");
        }
        BookSettings settings = this.settings;
        CalibreSidecar calibre = context.perFolder("calibre " + settings.extensions(),
                entries -> CalibreSidecar.of(entries, entry -> isBook(settings, FileNames.name(entry))));
        // calibre's cover.jpg spares rendering a PDF's first page, most of the time a PDF takes
        boolean ownCover = settings.covers() && calibre.cover() == null;
        BookInfo own = switch (extension) {
            case "epub" -> epubReader.read(file);
            case "pdf" -> pdfReader.read(file, ownCover);
            case "fb2" -> zippedFb2 ? fb2Reader.readZipped(file) : fb2Reader.read(file);
            case "mobi", "azw", "azw3" -> mobiReader.read(file, ownCover);
            default -> new BookInfo();
        };
        if (!ownCover) {
            own.cover = null;
        }
        BookInfo info = calibre.over(own);
        BookNameParser.ParsedBookName name = nameParser.parse(file);

        MediaRecord record = new MediaRecord();
        record.title = info.title != null ? info.title : name.title();
        record.year = info.year != null ? info.year : name.year();
        record.container = extension;
        record.posterImage = info.cover;
        if (settings.covers() && calibre.cover() != null) {
            record.posterFile = calibre.cover();
        }
        Map<String, Object> metadata = record.metadata;
        putIfPresent(metadata, "author", info.author() != null ? info.author() : name.author());
        putIfPresent(metadata, "publisher", info.publisher);
        putIfPresent(metadata, "isbn", info.isbn);
        putIfPresent(metadata, "language", info.language);
        putIfPresent(metadata, "pageCount", info.pageCount);
        putIfPresent(metadata, "series", info.series);
        putIfPresent(metadata, "seriesIndex", info.series == null ? null : info.seriesIndex);
        return Optional.of(record);
    }

    /** Only fields with a value go in: the API leaves out fields that do not apply. */
    private static void putIfPresent(Map<String, Object> metadata, String key, Object value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }
}
