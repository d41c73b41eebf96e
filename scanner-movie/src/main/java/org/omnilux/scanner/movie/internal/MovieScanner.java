package org.omnilux.scanner.movie.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import org.osgi.service.component.annotations.Component;

/**
 * The {@code movie} media type: recognises video files as movies.
 *
 * <p>Title, year, edition, part and provider ids come from the file and folder names (Kodi, Jellyfin, Plex,
 * Radarr and scene conventions); a Kodi-style NFO sidecar, when present and well-formed, overrides them and
 * adds overview, genres and rating. A {@code poster.jpg}-style image next to the file becomes the poster.
 * Trailers, featurettes, samples and other extras are skipped. Stream details come from the core's prober.
 *
 * <p>Stateless and thread-safe: the core may call it from several scan threads at once.
 */
@Component(service = MediaScanner.class)
public class MovieScanner implements MediaScanner {

    static final String MEDIA_TYPE = "movie";

    static final List<String> VIDEO_EXTENSIONS = List.of("mkv", "mk3d", "mp4", "m4v", "avi", "divx", "mov",
            "wmv", "asf", "webm", "ts", "m2ts", "mts", "mpg", "mpeg", "flv", "f4v", "ogv", "3gp", "3g2", "rmvb");
    private static final Set<String> VIDEO_EXTENSION_SET = Set.copyOf(VIDEO_EXTENSIONS);

    private final MovieNameParser nameParser = new MovieNameParser();
    private final MovieNfoReader nfoReader = new MovieNfoReader();
    private final PosterFinder posterFinder = new PosterFinder();

    @Override
    public ScannerDescriptor descriptor() {
        // a fresh object per call: DTOs are mutable, and the descriptor must never change
        ScannerDescriptor descriptor = new ScannerDescriptor();
        descriptor.mediaTypes.add(new MediaTypeDescriptor(MEDIA_TYPE, List.of(
                MetadataField.of("tmdbId", Type.INTEGER),
                MetadataField.of("imdbId", Type.STRING),
                MetadataField.of("overview", Type.STRING),
                MetadataField.of("genres", Type.STRING_LIST),
                MetadataField.of("posterUrl", Type.STRING),
                MetadataField.of("rating", Type.DECIMAL),
                MetadataField.of("edition", Type.STRING),
                MetadataField.of("part", Type.INTEGER))));
        descriptor.extensions.addAll(VIDEO_EXTENSIONS);
        return descriptor;
    }

    @Override
    public boolean accepts(Path file, Path root) {
        String name = FileNames.name(file);
        return VIDEO_EXTENSION_SET.contains(FileNames.extension(name)) && !isHidden(file, root);
    }

    /** Dot-files and anything in a dot-folder below the root (".Trash", macOS "._Movie.mkv"). */
    private static boolean isHidden(Path file, Path root) {
        Path relative = root != null && file.startsWith(root) ? root.relativize(file) : file.getFileName();
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<MediaRecord> recognise(ScanContext context) throws MediaScanException {
        Path file = context.file();
        ParsedMovieName name = nameParser.parse(file, context.root());
        if (name.extra()) {
            return Optional.empty();
        }
        if (context.sizeBytes() == 0) {
            throw new MediaScanException("empty file");
        }
        MovieNfo nfo = nfoReader.findNfo(file, context.root(), context.siblings())
                .flatMap(nfoReader::read)
                .orElse(null);
        ProbeResult probe = probe(context);

        MediaRecord record = new MediaRecord();
        record.title = firstNonNull(nfo == null ? null : nfo.title(), name.title(),
                FileNames.baseName(FileNames.name(file)));
        record.year = firstNonNull(nfo == null ? null : nfo.year(), name.year());
        record.probe = probe;
        record.externalSubtitles = context.externalSubtitles();
        record.posterFile = posterFinder.find(file, context.root(), context.siblings()).orElse(null);
        fillMetadata(record.metadata, name, nfo);
        return Optional.of(record);
    }

    private static ProbeResult probe(ScanContext context) throws MediaScanException {
        ProbeResult result;
        try {
            result = context.prober().probe(context.file());
        } catch (ProbeException e) {
            throw new MediaScanException("not a readable video: " + e.getMessage(), e);
        }
        if (result == null || result.video == null || result.video.isEmpty()) {
            throw new MediaScanException("not a video: the file has no video track");
        }
        return result;
    }

    /** Only fields with a value go in: the API leaves out fields that do not apply. */
    private static void fillMetadata(Map<String, Object> metadata, ParsedMovieName name, MovieNfo nfo) {
        boolean hasNfo = nfo != null;
        putIfPresent(metadata, "tmdbId", firstNonNull(hasNfo ? nfo.tmdbId() : null, name.tmdbId()));
        putIfPresent(metadata, "imdbId", firstNonNull(hasNfo ? nfo.imdbId() : null, name.imdbId()));
        putIfPresent(metadata, "overview", hasNfo ? nfo.overview() : null);
        if (hasNfo && !nfo.genres().isEmpty()) {
            metadata.put("genres", new ArrayList<>(nfo.genres()));
        }
        putIfPresent(metadata, "rating", hasNfo ? nfo.rating() : null);
        putIfPresent(metadata, "edition", name.edition());
        putIfPresent(metadata, "part", name.part());
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
