package org.omnilux.scanner.comic.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * The {@code comic} media type: comic book archives.
 *
 * <p>CBZ (zip) and CB7 (7z) are read with Commons Compress, CBR (RAR) and CBT (tar) with the {@code bsdtar}
 * program of libarchive. The format is taken from the file's first bytes, so a zip named {@code .cbr} is read and
 * shown as the zip it is ({@code container} {@code cbz}). {@code ComicInfo.xml} gives series, number, volume,
 * title, writer, publisher, year and page count; without it, the file name does ({@link ComicNameParser}). The
 * page count is otherwise the number of images; the cover is the page ComicInfo marks {@code FrontCover}, else
 * the first image in natural order ({@code __MACOSX} and dot files skipped). The title is ComicInfo's, else
 * {@code Series #Issue}.
 *
 * <p>{@code issueNumber} is a string: issues such as {@code 1.5}, {@code 1A} or {@code ½} exist.
 *
 * <p>Configured under the PID {@value #PID} ({@link Config}); a change applies from the next file on, without
 * re-registering the service, so a running scan goes on.
 *
 * <p>Thread-safe: the core may call it from several scan threads at once; its only state is the immutable
 * {@link ComicSettings} of the current configuration. The only process it starts is bsdtar, per CBR file, bounded
 * in time, on the calling thread.
 */
@Component(service = MediaScanner.class, configurationPid = ComicScanner.PID)
@Designate(ocd = ComicScanner.Config.class)
public class ComicScanner implements MediaScanner {

    static final String PID = "org.omnilux.scanner.comic";
    static final String MEDIA_TYPE = "comic";

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif", "webp", "bmp", "avif",
            "jxl", "tif", "tiff");

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY_MAGIC = {'P', 'K', 5, 6};
    private static final byte[] SEVEN_Z_MAGIC = {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C};
    private static final byte[] RAR_MAGIC = {'R', 'a', 'r', '!', 0x1A, 0x07};

    @ObjectClassDefinition(id = PID, name = "OmniLux comic scanner", description = "Which files are comics, how "
            + "CBR (RAR) files are read (through the bsdtar program of libarchive), and whether covers are read. "
            + "Changes apply to the next file scanned.")
    public @interface Config {
        @AttributeDefinition(name = "Extensions", description = "File name extensions of comic archives, separated "
                + "by commas; the format is told by the first bytes, the extension only decides what is looked at")
        String[] extensions() default ComicSettings.DEFAULT_EXTENSIONS;

        @AttributeDefinition(name = "Covers", description = "Read the cover page (ComicInfo's FrontCover, else the "
                + "first image) as the comic's poster")
        boolean covers() default true;

        @AttributeDefinition(name = "bsdtar program", description = "Name on the PATH or absolute path of bsdtar")
        String bsdtarPath() default "bsdtar";

        @AttributeDefinition(name = "bsdtar timeout (seconds)",
                description = "A bsdtar run taking longer is killed and the file counted as failed")
        int bsdtarTimeoutSeconds() default 30;
    }

    /** The archive formats told apart by their first bytes, with the container name the API shows. */
    enum Format {
        ZIP("cbz"), SEVEN_Z("cb7"), RAR("cbr"), TAR("cbt");

        final String container;

        Format(String container) {
            this.container = container;
        }
    }

    private final ComicNameParser nameParser = new ComicNameParser();
    private final ComicInfoReader comicInfoReader = new ComicInfoReader();
    private volatile ComicSettings settings;

    @Activate
    public ComicScanner(Config config) {
        settings = ComicSettings.from(config);
    }

    /** The default extensions and covers with this bsdtar (tests). */
    ComicScanner(String bsdtar, Duration bsdtarTimeout) {
        settings = new ComicSettings(ComicSettings.DEFAULTS.extensions(), ComicSettings.DEFAULTS.covers(), bsdtar,
                bsdtarTimeout);
    }

    @Modified
    void modified(Config config) {
        settings = ComicSettings.from(config);
    }

    ComicSettings settings() {
        return settings;
    }

    @Override
    public ScannerDescriptor descriptor() {
        // a fresh object per call: DTOs are mutable, and the descriptor must never change
        ScannerDescriptor descriptor = new ScannerDescriptor();
        descriptor.mediaTypes.add(new MediaTypeDescriptor(MEDIA_TYPE, List.of(
                MetadataField.of("series", Type.STRING),
                MetadataField.of("issueNumber", Type.STRING),
                MetadataField.of("volume", Type.INTEGER),
                MetadataField.of("writer", Type.STRING),
                MetadataField.of("publisher", Type.STRING),
                MetadataField.of("pageCount", Type.INTEGER),
                MetadataField.of("posterUrl", Type.STRING))));
        descriptor.extensions.addAll(settings.extensions());
        return descriptor;
    }

    @Override
    public boolean accepts(Path file, Path root) {
        return settings.accepts(FileNames.extension(FileNames.name(file)));
    }

    @Override
    public Optional<MediaRecord> recognise(ScanContext context) throws MediaScanException {
        Path file = context.file();
        if (context.sizeBytes() == 0) {
            throw new MediaScanException("empty file");
        }
        ComicSettings settings = this.settings;
        Format format = format(file);
        ComicInfoReader.ComicInfo info;
        List<String> pages;
        byte[] cover;
        try (ComicArchive archive = open(format, file, settings)) {
            List<String> entries = archive.entryNames();
            pages = entries.stream().filter(ComicScanner::isPage).sorted(NaturalOrder.INSTANCE).toList();
            info = readComicInfo(archive, entries);
            if (pages.isEmpty()) {
                throw new MediaScanException("not a comic: the " + format.container + " archive holds no images");
            }
            cover = settings.covers() ? readCover(archive, pages, info) : null;
        } catch (BsdtarComicArchive.ToolMissingException e) {
            throw new MediaScanException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            // Commons Compress reports some malformed archives with runtime exceptions: still a bad file
            throw new MediaScanException("not a readable " + format.container + " archive: " + message(e), e);
        }

        ComicNameParser.ParsedComicName name = nameParser.parse(file, context.root());
        String series = firstNonNull(info == null ? null : info.series(), name.series());
        String issue = firstNonNull(info == null ? null : info.number(), name.issue());
        Integer volume = firstNonNull(info == null ? null : info.volume(), name.volume());

        MediaRecord record = new MediaRecord();
        record.title = firstNonNull(info == null ? null : info.title(), title(series, issue, volume),
                FileNames.baseName(FileNames.name(file)));
        record.year = firstNonNull(info == null ? null : info.year(), name.year());
        record.container = format.container;
        record.posterImage = cover;
        Map<String, Object> metadata = record.metadata;
        putIfPresent(metadata, "series", series);
        putIfPresent(metadata, "issueNumber", issue);
        putIfPresent(metadata, "volume", volume);
        putIfPresent(metadata, "writer", info == null ? null : info.writer());
        putIfPresent(metadata, "publisher", info == null ? null : info.publisher());
        putIfPresent(metadata, "pageCount", info != null && info.pageCount() != null ? info.pageCount() : pages.size());
        return Optional.of(record);
    }

    /** {@code Saga #1}, {@code Saga Vol. 2 #5}, {@code Saga Vol. 2}, {@code Saga}. */
    static String title(String series, String issue, Integer volume) {
        if (series == null) {
            return issue == null ? null : "#" + issue;
        }
        StringBuilder title = new StringBuilder(series);
        if (volume != null && (issue == null || volume < 1000)) {
            title.append(" Vol. ").append(volume);
        }
        if (issue != null) {
            title.append(" #").append(issue);
        }
        return title.toString();
    }

    private static ComicArchive open(Format format, Path file, ComicSettings settings) throws IOException {
        return switch (format) {
            case ZIP -> new ZipComicArchive(file);
            case SEVEN_Z -> new SevenZComicArchive(file);
            case RAR, TAR -> new BsdtarComicArchive(settings.bsdtar(), file, settings.bsdtarTimeout());
        };
    }

    /** By the first bytes; a file whose bytes say nothing known is taken for what its extension says. */
    static Format format(Path file) throws MediaScanException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        } catch (IOException e) {
            throw new MediaScanException("cannot read the file: " + message(e), e);
        }
        if (startsWith(head, ZIP_MAGIC) || startsWith(head, ZIP_EMPTY_MAGIC)) {
            return Format.ZIP;
        }
        if (startsWith(head, SEVEN_Z_MAGIC)) {
            return Format.SEVEN_Z;
        }
        if (startsWith(head, RAR_MAGIC)) {
            return Format.RAR;
        }
        if (head.length >= 262 && new String(head, 257, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("ustar")) {
            return Format.TAR;
        }
        return switch (FileNames.extension(FileNames.name(file))) {
            case "cbz" -> Format.ZIP;
            case "cb7" -> Format.SEVEN_Z;
            case "cbt" -> Format.TAR;
            default -> Format.RAR;
        };
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** An image that is a page: not in {@code __MACOSX}, not a dot file, not in a dot folder. */
    static boolean isPage(String entry) {
        for (String part : entry.split("/")) {
            if (part.startsWith(".") || part.equals("__MACOSX")) {
                return false;
            }
        }
        return IMAGE_EXTENSIONS.contains(FileNames.extension(entry.substring(entry.lastIndexOf('/') + 1)));
    }

    /** ComicInfo.xml at the top, else anywhere; a malformed or oversized one is ignored like a missing one. */
    private ComicInfoReader.ComicInfo readComicInfo(ComicArchive archive, List<String> entries) throws IOException {
        String found = null;
        for (String entry : entries) {
            String lower = entry.toLowerCase(Locale.ROOT);
            if (lower.equals("comicinfo.xml")) {
                found = entry;
                break;
            }
            if (found == null && lower.endsWith("/comicinfo.xml") && !lower.startsWith("__macosx/")) {
                found = entry;
            }
        }
        if (found == null) {
            return null;
        }
        byte[] xml;
        try {
            xml = archive.read(found, Limits.MAX_XML_BYTES);
        } catch (Limits.TooLargeException e) {
            return null;
        }
        try {
            return comicInfoReader.read(xml);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] readCover(ComicArchive archive, List<String> pages, ComicInfoReader.ComicInfo info)
            throws IOException {
        Integer marked = info == null ? null : info.frontCoverIndex();
        String page = marked != null && marked < pages.size() ? pages.get(marked) : pages.get(0);
        try {
            return archive.read(page, Limits.MAX_COVER_BYTES);
        } catch (Limits.TooLargeException e) {
            return null; // a comic with an absurd first page is still a comic
        }
    }

    private static String message(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }

    private static void putIfPresent(Map<String, Object> metadata, String key, Object value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
