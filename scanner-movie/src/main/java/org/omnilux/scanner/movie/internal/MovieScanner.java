package org.omnilux.scanner.movie.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * The {@code movie} media type: recognises video files as movies.
 *
 * <p>Title, year, edition, part and provider ids come from the file and folder names (Kodi, Jellyfin, Plex,
 * Radarr and scene conventions); a Kodi-style NFO sidecar, when present and well-formed, overrides them and
 * adds overview, genres and rating. A {@code poster.jpg}-style image next to the file becomes the poster.
 * Trailers, featurettes, samples and other extras are skipped. Stream details come from the core's prober.
 *
 * <p>Configured under the PID {@value #PID} ({@link Config}); a change applies from the next file on, without
 * re-registering the service, so a running scan goes on.
 *
 * <p>Thread-safe: the core may call it from several scan threads at once; its only state is the immutable
 * {@link MovieSettings} of the current configuration.
 */
@Component(service = MediaScanner.class, configurationPid = MovieScanner.PID)
@Designate(ocd = MovieScanner.Config.class)
public class MovieScanner implements MediaScanner {

    static final String PID = "org.omnilux.scanner.movie";
    static final String MEDIA_TYPE = "movie";

    @ObjectClassDefinition(id = PID, name = "OmniLux movie scanner",
            description = "Which files are movies. Changes apply to the next file scanned.")
    public @interface Config {
        @AttributeDefinition(name = "Extensions",
                description = "File name extensions of movie files, separated by commas")
        String[] extensions() default MovieSettings.DEFAULT_EXTENSIONS;

        @AttributeDefinition(name = "Extras folders", description = "Names of folders (any case) whose videos are "
                + "extras of a movie, not movies, separated by commas")
        String[] extrasFolders() default MovieSettings.DEFAULT_EXTRAS_FOLDERS;

        @AttributeDefinition(name = "Sample size limit (MB)", min = "0", description = "Videos smaller than this "
                + "are taken for samples and skipped. 0: samples are told by their names only")
        int sampleMaxSizeMb() default 0;
    }

    private final MovieNfoReader nfoReader = new MovieNfoReader();
    private final PosterFinder posterFinder = new PosterFinder();
    private volatile MovieSettings settings;

    /** A scanner with the default configuration (tests). */
    public MovieScanner() {
        settings = MovieSettings.DEFAULTS;
    }

    @Activate
    public MovieScanner(Config config) {
        settings = MovieSettings.from(config);
    }

    @Modified
    void modified(Config config) {
        settings = MovieSettings.from(config);
    }

    MovieSettings settings() {
        return settings;
    }

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
        MovieSettings settings = this.settings;
        ParsedMovieName name = settings.parser().parse(file, context.root());
        if (name.extra()) {
            return Optional.empty();
        }
        if (context.sizeBytes() == 0) {
            throw new MediaScanException("empty file");
        }
        if (context.sizeBytes() < settings.sampleMaxBytes()) {
            return Optional.empty(); // a sample by its size
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
