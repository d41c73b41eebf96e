package org.omnilux.scanner.audiobook.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.omnilux.api.probe.Chapter;
import org.omnilux.api.probe.ProbeException;
import org.omnilux.api.probe.ProbeResult;
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
 * The {@code audiobook} media type: one library item per book, whether the book is one file or many.
 *
 * <p><b>Single-file books</b> ({@code .m4b}, {@code .m4a}, {@code .mp3}…): the chapters are the file's own
 * chapter marks as ffprobe reads them (MP4 chapter atoms, ID3 {@code CHAP} frames).
 *
 * <p><b>Books in parts</b> ({@code Book/01.mp3 … 12.mp3}, {@code Book/Part 1.mp3}, {@code Book/CD1/…}; see
 * {@link BookLayout} for the exact rule) are <em>one</em> item. The first part in natural order represents the
 * book: its record has the path of that part, the duration is the sum of every part's probed duration, and the
 * chapters are one per part — titled by the part's title tag, else its file name — with cumulative start and
 * end. Every other part answers {@link Optional#empty()}, so the book is counted once in the library and its
 * statistics (the size shown is the first part's). The parts are probed once per folder and the probes shared
 * by its files (the first part probes those in other disc folders itself). A part that cannot be read is left
 * out of the sum and the chapters and reported as a job error of its own. A first part that cannot be read still
 * stands for the book, whose tags and stream details then come from the first part that can, and the second part
 * reports it (a file that answers with a record cannot also be a job error); a book none of whose parts can be
 * read fails.
 * The core re-reads the first part only when that file changes, so a part added later shows after the first
 * part changes or the book is re-added.
 *
 * <p><b>Where the values come from.</b> Tags of the representing file first (jaudiotagger, else ffprobe's
 * container tags): title from the album tag (a single file's title tag next); author from artist, else album
 * artist; narrator from a {@code NARRATOR} field, else the composer; series and index from {@code SERIES} /
 * {@code SERIES-PART} fields, else {@code MVNM}/{@code MVIN} (movement), else a grouping such as
 * {@code Series #2}. The names fill the rest (see {@link BookNameParser}). The cover is the embedded picture,
 * else {@code cover.jpg}/{@code folder.jpg}-style images in the book folder.
 *
 * <p>Configured under the PID {@value #PID} ({@link Config}); a change applies from the next file on, without
 * re-registering the service, so a running scan goes on.
 *
 * <p>Thread-safe; starts no threads. Its only state is the immutable {@link AudiobookSettings} of the current
 * configuration.
 */
@Component(service = MediaScanner.class, configurationPid = AudiobookScanner.PID)
@Designate(ocd = AudiobookScanner.Config.class)
public class AudiobookScanner implements MediaScanner {

    static final String PID = "org.omnilux.scanner.audiobook";
    static final String MEDIA_TYPE = "audiobook";

    @ObjectClassDefinition(id = PID, name = "OmniLux audiobook scanner",
            description = "Which files are audiobooks or their parts, and where their covers come from. Changes "
                    + "apply to the next file scanned.")
    public @interface Config {
        @AttributeDefinition(name = "Extensions",
                description = "File name extensions of audiobook files and parts, separated by commas")
        String[] extensions() default AudiobookSettings.DEFAULT_EXTENSIONS;

        @AttributeDefinition(name = "Cover image names", description = "Names without extension (.jpg, .jpeg, "
                + ".png) of cover images in a book folder, the preferred first, separated by commas")
        String[] coverNames() default AudiobookSettings.DEFAULT_COVER_NAMES;

        @AttributeDefinition(name = "Embedded covers",
                description = "Use the picture embedded in a file's tags as its cover (before a cover image file)")
        boolean embeddedCovers() default true;
    }

    private static final List<String> COVER_EXTENSIONS = List.of("jpg", "jpeg", "png");
    private static final Pattern GROUPING_SERIES = Pattern.compile(
            "^(.+?)(?:\\s*#\\s*|,?\\s+(?:book|vol\\.?|volume|part)\\s*)(\\d{1,3}(?:\\.\\d{1,2})?)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECIMAL = Pattern.compile("^\\s*#?\\s*(\\d{1,3}(?:\\.\\d{1,2})?)\\b.*$");

    /** The element ids ID3 tools give {@code CHAP} frames ({@code ch0}, {@code chp1}, {@code CH02}, {@code chap3}). */
    private static final Pattern ELEMENT_ID = Pattern.compile("^(?i)ch(?:a?p)?\\d+$");

    private static final Pattern GENERIC_FILE_NAME = Pattern.compile(
            "^[\\W\\d_]*$|^(?i)(audio\\s*book|book|full|complete|unabridged|(part|track|cd|disc)\\s*\\d*)$");

    private final BookLayout layout = new BookLayout();
    private final BookNameParser nameParser = new BookNameParser();
    private final BookTagReader tagReader = new BookTagReader();
    private volatile AudiobookSettings settings;

    /** A scanner with the default configuration (tests). */
    public AudiobookScanner() {
        settings = AudiobookSettings.DEFAULTS;
    }

    @Activate
    public AudiobookScanner(Config config) {
        settings = AudiobookSettings.from(config);
    }

    @Modified
    void modified(Config config) {
        settings = AudiobookSettings.from(config);
    }

    AudiobookSettings settings() {
        return settings;
    }

    @Override
    public ScannerDescriptor descriptor() {
        // a fresh object per call: DTOs are mutable, and the descriptor must never change
        ScannerDescriptor descriptor = new ScannerDescriptor();
        descriptor.mediaTypes.add(new MediaTypeDescriptor(MEDIA_TYPE, List.of(
                MetadataField.of("author", Type.STRING),
                MetadataField.of("narrator", Type.STRING),
                MetadataField.of("series", Type.STRING),
                MetadataField.of("seriesIndex", Type.DECIMAL),
                MetadataField.of("chapters", Type.OBJECT_LIST),
                MetadataField.of("posterUrl", Type.STRING))));
        descriptor.extensions.addAll(settings.extensions());
        return descriptor;
    }

    @Override
    public boolean accepts(Path file, Path root) {
        return settings.accepts(FileNames.extension(FileNames.name(file)));
    }

    /**
     * Whether an entry of the book's folders is one of its parts. The core skips dot-files only on its walk, not
     * in the siblings: a macOS {@code ._01.mp3} shadow sits beside every part. The folders need no check: the
     * file's own are not hidden (the core skips those), and a disc folder's name starts with cd, disc or disk.
     */
    private static boolean isPart(AudiobookSettings settings, Path entry) {
        String name = FileNames.name(entry);
        return !name.startsWith(".") && settings.accepts(FileNames.extension(name));
    }

    @Override
    public Optional<MediaRecord> recognise(ScanContext context) throws MediaScanException {
        Path file = context.file();
        Path root = context.root();
        if (context.sizeBytes() == 0) {
            throw new MediaScanException("empty file");
        }
        AudiobookSettings settings = this.settings;
        BookLayout.Book book = layout.find(file, root, context.siblings(), path -> isPart(settings, path));
        Map<Path, PartProbe> partProbes = book.isSingleFile() ? Map.of() : folderProbes(context, book, settings);
        if (!book.first().equals(file)) {
            // a later part: the first part stands for the whole book. One that cannot be read is left out of the
            // book, and says so here, as a job error of its own, rather than make the book shorter in silence.
            // The second part also reports an unreadable first part, which cannot report itself: it stands for
            // the book, listed without it.
            PartProbe own = partProbes.get(file);
            String firstFailure = file.equals(book.parts().get(1)) ? firstPartFailure(context, book, partProbes)
                    : null;
            if (own != null && own.failure() != null) {
                throw new MediaScanException(own.failure() + (firstFailure == null ? ""
                        : "; the book's first part, " + FileNames.name(book.first()) + ", cannot be read either"));
            }
            if (firstFailure != null) {
                throw new MediaScanException("the book's first part, " + FileNames.name(book.first())
                        + ", cannot be read, and the book is listed without it: " + firstFailure);
            }
            return Optional.empty();
        }
        Path tagSource = file;
        ProbeResult probe = null;
        if (!book.isSingleFile()) {
            partProbes = allProbes(context, book, partProbes);
            tagSource = firstReadablePart(book, partProbes);
            probe = partProbes.get(tagSource).result();
        }
        BookTagReader.Result read = tagReader.read(tagSource);
        if (probe == null) {
            probe = probe(context, file, read.failure()); // a single file, probed after its tags for their failure
        }
        // ffprobe's container tags complete jaudiotagger's: it lists the free-form MP4 keys ffmpeg writes
        // (-movflags use_metadata_tags) and ID3 TXXX frames such as mvnm, which jaudiotagger reads as nothing
        BookTags probeTags = BookTagReader.fromProbeTags(probe.tags);
        BookTags tags = read.tags() != null ? read.tags().orElse(probeTags) : probeTags;
        ParsedBook name = parseName(book, file, root);

        MediaRecord record = new MediaRecord();
        record.probe = probe;
        record.title = firstNonNull(tags.album(), book.isSingleFile() ? tags.title() : null, name.title(),
                FileNames.baseName(FileNames.name(file)));
        record.year = firstNonNull(year(tags.date()), name.year());
        List<Map<String, Object>> chapters;
        if (book.isSingleFile()) {
            chapters = ownChapters(probe);
        } else {
            chapters = new ArrayList<>();
            record.durationSeconds = partChapters(context, book, partProbes, chapters);
        }
        Map<String, Object> metadata = record.metadata;
        putIfPresent(metadata, "author", firstNonNull(tags.artist(), tags.albumArtist(), name.author()));
        putIfPresent(metadata, "narrator", firstNonNull(tags.narrator(), tags.composer(), name.narrator()));
        String[] grouping = grouping(tags.grouping());
        String series = firstNonNull(tags.series(), tags.movement(), grouping[0], name.series());
        putIfPresent(metadata, "series", series);
        if (series != null) {
            putIfPresent(metadata, "seriesIndex", firstNonNull(decimal(tags.seriesPart()), decimal(tags.movementNo()),
                    decimal(grouping[1]), name.seriesIndex()));
        }
        if (!chapters.isEmpty()) {
            metadata.put("chapters", chapters);
        }
        if (tags.cover() != null && settings.embeddedCovers()) {
            record.posterImage = tags.cover();
        } else if (book.bookFolder() != null && !book.shared()) {
            record.posterFile = cover(book.bookFolder(), file, context.siblings(), settings.coverNames()).orElse(null);
        }
        return Optional.of(record);
    }

    private ParsedBook parseName(BookLayout.Book book, Path file, Path root) {
        Path folder = book.isSingleFile() ? file.getParent() : book.bookFolder();
        List<String> containers = new ArrayList<>();
        if (folder != null && folder.startsWith(root) && !folder.equals(root)) {
            for (Path part : root.relativize(folder)) {
                containers.add(part.toString());
            }
        }
        String bookName;
        if (!book.isSingleFile()) {
            bookName = containers.remove(containers.size() - 1);
        } else {
            bookName = FileNames.baseName(FileNames.name(file));
            // a single file named like its folder ("Dune/Dune.m4b") or named like nothing ("Dune/01.m4b",
            // "Dune/audiobook.m4b"): the folder is the book's and names it
            if (!containers.isEmpty() && !book.shared() && (sameWords(bookName, containers.get(containers.size() - 1))
                    || GENERIC_FILE_NAME.matcher(bookName).matches())) {
                bookName = containers.remove(containers.size() - 1);
            }
        }
        return nameParser.parse(bookName, containers);
    }

    private static ProbeResult probe(ScanContext context, Path file, String tagFailure) throws MediaScanException {
        ProbeResult result;
        try {
            result = context.prober().probe(file);
        } catch (ProbeException e) {
            String tagProblem = tagFailure == null ? "" : "; tags: " + tagFailure;
            throw new MediaScanException("not a readable audio file: " + e.getMessage() + tagProblem, e);
        }
        if (result == null || result.audio == null || result.audio.isEmpty()) {
            throw new MediaScanException("not an audio file: it has no audio stream");
        }
        return result;
    }

    /**
     * The file's chapter marks as a player needs them, which is not always how files hold them: in playing order
     * (ID3 {@code CHAP} frames may be stored in any order), within the audio (a mark past its end is dropped, one
     * running past it ends with it), and titled ("Chapter 3" when the mark has no title, or only the element id
     * such as {@code ch2} that ffmpeg reports for an ID3 chapter without a {@code TIT2}).
     */
    private static List<Map<String, Object>> ownChapters(ProbeResult probe) {
        List<Map<String, Object>> chapters = new ArrayList<>();
        if (probe.chapters == null) {
            return chapters;
        }
        Double duration = probe.durationSeconds == null || probe.durationSeconds.isNaN() ? null
                : probe.durationSeconds;
        List<Chapter> ordered = new ArrayList<>(probe.chapters);
        ordered.sort(Comparator.comparingDouble((Chapter c) -> c.start).thenComparingDouble(c -> c.end));
        for (Chapter chapter : ordered) {
            if (duration != null && chapter.start >= duration) {
                continue;
            }
            double end = duration == null ? chapter.end : Math.min(chapter.end, duration);
            String title = BookTagReader.value(chapter.title);
            if (title == null || ELEMENT_ID.matcher(title).matches()) {
                title = "Chapter " + (chapters.size() + 1);
            }
            chapters.add(chapter(title, chapter.start, end));
        }
        return chapters;
    }

    /** Whether a part could be read: its probe, else why not. */
    private record PartProbe(ProbeResult result, String failure) {
    }

    /**
     * The probes of the book's parts in the asking file's folder, made once for the folder and shared by its files:
     * each later part needs its own, to report it when it cannot be read, and the first part needs them all. Only
     * this folder's parts: a book in disc folders (CD1, CD2…) would otherwise be probed whole once per disc.
     */
    private static Map<Path, PartProbe> folderProbes(ScanContext context, BookLayout.Book book,
            AudiobookSettings settings) {
        Path folder = context.file().getParent();
        return context.perFolder("parts " + settings.extensions(), entries -> {
            Map<Path, PartProbe> probes = new LinkedHashMap<>();
            for (Path part : book.parts()) {
                if (context.isCancelled()) {
                    break; // the first part notices and fails; nothing uses a cancelled scan's values
                }
                if (folder.equals(part.getParent())) {
                    probes.put(part, probePart(context, part));
                }
            }
            return Map.copyOf(probes);
        });
    }

    /** Every part's probe, for the first part: its folder's from {@code inFolder}, other disc folders' probed here. */
    private static Map<Path, PartProbe> allProbes(ScanContext context, BookLayout.Book book,
            Map<Path, PartProbe> inFolder) {
        Map<Path, PartProbe> probes = new LinkedHashMap<>();
        for (Path part : book.parts()) {
            if (context.isCancelled()) {
                break;
            }
            PartProbe known = inFolder.get(part);
            probes.put(part, known != null ? known : probePart(context, part));
        }
        return probes;
    }

    private static PartProbe probePart(ScanContext context, Path part) {
        try {
            ProbeResult probe = context.prober().probe(part);
            boolean audio = probe != null && probe.audio != null && !probe.audio.isEmpty();
            return new PartProbe(audio ? probe : null, audio ? null : "not an audio file: it has no audio stream");
        } catch (ProbeException e) {
            return new PartProbe(null, "not a readable audio file: " + e.getMessage());
        }
    }

    /**
     * The part whose tags and stream details stand for the book: the first, else (it cannot be read) the first that
     * can, so that one broken file does not hide the rest of the book; the record keeps the first part's path.
     */
    private static Path firstReadablePart(BookLayout.Book book, Map<Path, PartProbe> probes)
            throws MediaScanException {
        for (Path part : book.parts()) {
            PartProbe probe = probes.get(part);
            if (probe == null) {
                throw new MediaScanException("scan cancelled");
            }
            if (probe.failure() == null) {
                return part;
            }
        }
        throw new MediaScanException(probes.get(book.first()).failure()
                + (book.parts().size() > 1 ? "; no other part of the book can be read either" : ""));
    }

    /** Why the book's first part cannot be read, or {@code null}: from this folder's probes, else probed here. */
    private static String firstPartFailure(ScanContext context, BookLayout.Book book, Map<Path, PartProbe> inFolder) {
        PartProbe first = inFolder.get(book.first());
        return (first != null ? first : probePart(context, book.first())).failure();
    }

    /** Fills one chapter per readable part and returns the total duration. */
    private static Double partChapters(ScanContext context, BookLayout.Book book, Map<Path, PartProbe> probes,
            List<Map<String, Object>> chapters) throws MediaScanException {
        double position = 0;
        for (Path part : book.parts()) {
            if (context.isCancelled()) {
                throw new MediaScanException("scan cancelled");
            }
            PartProbe read = probes.get(part);
            ProbeResult probe = read == null ? null : read.result();
            if (probe == null || probe.durationSeconds == null || probe.durationSeconds.isNaN()) {
                continue; // an unreadable part is left out rather than failing the whole book; it reports itself
            }
            String title = BookTagReader.value(probe.tags == null ? null : probe.tags.get("title"));
            if (title == null) {
                title = BookNameParser.partTitle(FileNames.baseName(FileNames.name(part)));
            }
            double end = position + probe.durationSeconds;
            chapters.add(chapter(title, position, end));
            position = end;
        }
        return position;
    }

    private static Map<String, Object> chapter(String title, double start, double end) {
        Map<String, Object> chapter = new LinkedHashMap<>();
        chapter.put("title", title);
        chapter.put("start", millis(start));
        chapter.put("end", millis(end));
        return chapter;
    }

    private static double millis(double seconds) {
        return Math.round(seconds * 1000.0) / 1000.0;
    }

    private static Optional<Path> cover(Path bookFolder, Path file, List<Path> siblings, List<String> coverNames) {
        List<Path> candidates;
        if (bookFolder.equals(file.getParent())) {
            candidates = siblings;
        } else {
            try (Stream<Path> entries = Files.list(bookFolder)) {
                candidates = entries.toList();
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        for (String base : coverNames) {
            for (String extension : COVER_EXTENSIONS) {
                for (Path candidate : candidates) {
                    if (FileNames.name(candidate).equalsIgnoreCase(base + "." + extension)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** {@code Series #2}, {@code Series, Book 2.5} → {series, index}; anything else is the series itself. */
    static String[] grouping(String grouping) {
        if (grouping == null) {
            return new String[2];
        }
        Matcher m = GROUPING_SERIES.matcher(grouping.trim());
        return m.matches() ? new String[] {m.group(1).trim(), m.group(2)} : new String[] {grouping.trim(), null};
    }

    /** {@code 1}, {@code 1.5}, {@code #2}, {@code 3/7} → the leading number; {@code null} otherwise or for 0. */
    static Double decimal(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = DECIMAL.matcher(value);
        if (!m.matches()) {
            return null;
        }
        double d = Double.parseDouble(m.group(1));
        return d > 0 ? d : null;
    }

    static Integer year(String date) {
        if (date == null) {
            return null;
        }
        Matcher m = Pattern.compile("(?<!\\d)((?:1[5-9]|20)\\d\\d)(?!\\d)").matcher(date);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static boolean sameWords(String a, String b) {
        return normalise(a).equals(normalise(b)) && !normalise(a).isEmpty();
    }

    private static String normalise(String s) {
        return s.replaceAll("[^\\p{L}\\p{N}]+", "").toLowerCase(java.util.Locale.ROOT);
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
