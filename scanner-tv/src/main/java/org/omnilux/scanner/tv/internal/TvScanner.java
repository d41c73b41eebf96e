package org.omnilux.scanner.tv.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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
 * The {@code tv} media type: recognises video files as episodes of TV shows.
 *
 * <p>Show, season, episode (and the last episode of a multi-episode file), air date, absolute number and
 * episode title come from the file name and its season and show folders ({@link TvNameParser}: Kodi, Jellyfin,
 * Plex, Sonarr, scene and anime conventions). Kodi NFO sidecars win over the names: {@code <file>.nfo}
 * ({@code <episodedetails>}: title, season, episode, aired, plot) and {@code tvshow.nfo} in the show folder
 * (title, plot, year). Extras and samples are not episodes.
 *
 * <p>The file's {@code title} is the episode title when one is known (several joined with {@code " / "} for a
 * multi-episode NFO); else the show and the episode's place in it: {@code Show S01E02},
 * {@code Show S01E01-E03}, {@code Show E05} (no season known), {@code Show 2024-01-15} (date-based),
 * {@code Show - 12} (absolute number only); else the file name without its extension. Its {@code year} is the
 * air date's year, else the show's year ({@code tvshow.nfo}, then {@code Show (2008)} in the folder or file
 * name). {@code overview} is the episode's plot, else the show's.
 *
 * <p>The poster is the most specific local image: {@code <file>-thumb.jpg} or {@code <file>.jpg}, then the
 * season's ({@code poster.jpg}/{@code folder.jpg} in the season folder, {@code season01-poster.jpg} in the show
 * folder), then the show's ({@code poster.jpg}/{@code folder.jpg} in the show folder). Only the file's folder
 * (its siblings) and, for a file in a season folder, the show folder above are looked at.
 *
 * <p>Configured under the PID {@value #PID} ({@link Config}); a change applies from the next file on, without
 * re-registering the service, so a running scan goes on.
 *
 * <p>Thread-safe: the core may call it from several scan threads at once; its only state is the immutable
 * {@link TvSettings} of the current configuration.
 */
@Component(service = MediaScanner.class, configurationPid = TvScanner.PID)
@Designate(ocd = TvScanner.Config.class)
public class TvScanner implements MediaScanner {

    static final String PID = "org.omnilux.scanner.tv";
    static final String MEDIA_TYPE = "tv";

    @ObjectClassDefinition(id = PID, name = "OmniLux TV scanner",
            description = "Which files are episodes. Changes apply to the next file scanned.")
    public @interface Config {
        @AttributeDefinition(name = "Extensions",
                description = "File name extensions of episode files, separated by commas")
        String[] extensions() default TvSettings.DEFAULT_EXTENSIONS;

        @AttributeDefinition(name = "Extras folders", description = "Names of folders (any case) whose videos are "
                + "extras of a show, not episodes, separated by commas")
        String[] extrasFolders() default TvSettings.DEFAULT_EXTRAS_FOLDERS;

        @AttributeDefinition(name = "Sample size limit (MB)", min = "0", description = "Videos smaller than this "
                + "are taken for samples and skipped. 0: samples are told by their names only")
        int sampleMaxSizeMb() default 0;
    }
    // a show folder holds seasons, images and NFOs; a runaway listing is not worth reading for a poster
    private static final int MAX_SHOW_FOLDER_ENTRIES = 10_000;

    private final TvNfoReader nfoReader = new TvNfoReader();
    private final TvPosterFinder posterFinder = new TvPosterFinder();
    private volatile TvSettings settings;

    /** A scanner with the default configuration (tests). */
    public TvScanner() {
        settings = TvSettings.DEFAULTS;
    }

    @Activate
    public TvScanner(Config config) {
        settings = TvSettings.from(config);
    }

    @Modified
    void modified(Config config) {
        settings = TvSettings.from(config);
    }

    TvSettings settings() {
        return settings;
    }

    @Override
    public ScannerDescriptor descriptor() {
        // a fresh object per call: DTOs are mutable, and the descriptor must never change
        ScannerDescriptor descriptor = new ScannerDescriptor();
        descriptor.mediaTypes.add(new MediaTypeDescriptor(MEDIA_TYPE, List.of(
                MetadataField.of("showTitle", Type.STRING),
                MetadataField.of("season", Type.INTEGER),
                MetadataField.of("episode", Type.INTEGER),
                MetadataField.of("episodeEnd", Type.INTEGER),
                MetadataField.of("episodeTitle", Type.STRING),
                MetadataField.of("airDate", Type.DATE),
                MetadataField.of("absoluteEpisode", Type.INTEGER),
                MetadataField.of("overview", Type.STRING),
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
        TvSettings settings = this.settings;
        Optional<ParsedEpisode> parsed = settings.parser().parse(file, context.root());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        if (context.sizeBytes() == 0) {
            throw new MediaScanException("empty file");
        }
        if (context.sizeBytes() < settings.sampleMaxBytes()) {
            return Optional.empty(); // a sample by its size
        }
        ParsedEpisode name = parsed.get();
        EpisodeFolders folders = TvNameParser.folders(file, context.root());
        List<Path> siblings = context.siblings();
        List<Path> showEntries = showFolderEntries(file, folders, siblings);
        EpisodeNfo episodeNfo = nfoReader.findEpisodeNfo(file, siblings).flatMap(nfoReader::readEpisode).orElse(null);
        ShowNfo showNfo = nfoReader.findShowNfo(showEntries).flatMap(nfoReader::readShow).orElse(null);
        ProbeResult probe = probe(context);

        Episode episode = Episode.of(name, episodeNfo, showNfo);
        MediaRecord record = new MediaRecord();
        record.title = episode.title(FileNames.baseName(FileNames.name(file)));
        record.year = firstNonNull(episode.airDate == null ? null : episode.airDate.getYear(),
                showNfo == null ? null : showNfo.year(), name.showYear());
        record.probe = probe;
        record.externalSubtitles = context.externalSubtitles();
        record.posterFile = posterFinder.find(file, folders, episode.season, siblings, showEntries).orElse(null);
        episode.fill(record.metadata);
        return Optional.of(record);
    }

    /** The show folder's entries: the siblings when it is the file's folder, else one listing of it. */
    private static List<Path> showFolderEntries(Path file, EpisodeFolders folders, List<Path> siblings) {
        if (folders.showFolder() == null) {
            return List.of();
        }
        if (folders.showFolderIsParentOf(file)) {
            return siblings;
        }
        try (Stream<Path> entries = Files.list(folders.showFolder())) {
            return entries.limit(MAX_SHOW_FOLDER_ENTRIES).sorted().toList();
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return List.of(); // no show NFO or poster then; the episode itself is still fine
        }
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

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The merged view of one episode: NFO values win over names. */
    private static final class Episode {
        String showTitle;
        Integer season;
        Integer episode;
        Integer episodeEnd;
        String episodeTitle;
        LocalDate airDate;
        Integer absoluteEpisode;
        String overview;

        static Episode of(ParsedEpisode name, EpisodeNfo nfo, ShowNfo show) {
            Episode e = new Episode();
            e.showTitle = firstNonNull(show == null ? null : show.title(), nfo == null ? null : nfo.showTitle(),
                    name.showTitle());
            e.season = firstNonNull(nfo == null ? null : nfo.season(), name.season());
            e.episode = firstNonNull(nfo == null ? null : nfo.episode(), name.episode());
            if (nfo != null && nfo.episodeEnd() != null) {
                e.episodeEnd = nfo.episodeEnd();
            } else if (nfo == null || nfo.episode() == null || nfo.episode().equals(name.episode())) {
                // the name's range still holds when the NFO describes the same first episode
                e.episodeEnd = name.episodeEnd();
            }
            if (e.episodeEnd != null && (e.episode == null || e.episodeEnd <= e.episode)) {
                e.episodeEnd = null;
            }
            e.episodeTitle = firstNonNull(nfo == null ? null : nfo.title(), name.episodeTitle());
            e.airDate = firstNonNull(nfo == null ? null : nfo.aired(), name.airDate());
            e.absoluteEpisode = name.absoluteEpisode();
            e.overview = firstNonNull(nfo == null ? null : nfo.plot(), show == null ? null : show.plot());
            return e;
        }

        String title(String fallback) {
            if (episodeTitle != null) {
                return episodeTitle;
            }
            String place = place();
            if (showTitle == null || place == null) {
                return fallback;
            }
            return showTitle + (absoluteEpisode != null && episode == null && airDate == null ? " - " : " ") + place;
        }

        /** "S01E02", "S01E01-E03", "E05", "2024-01-15", "12", or {@code null}. */
        private String place() {
            if (episode != null) {
                String end = episodeEnd == null ? "" : String.format(Locale.ROOT, "-E%02d", episodeEnd);
                return season == null ? String.format(Locale.ROOT, "E%02d%s", episode, end)
                        : String.format(Locale.ROOT, "S%02dE%02d%s", season, episode, end);
            }
            if (airDate != null) {
                return airDate.toString();
            }
            return absoluteEpisode == null ? null : String.valueOf(absoluteEpisode);
        }

        /** Only fields with a value go in: the API leaves out fields that do not apply; the core fills posterUrl. */
        void fill(Map<String, Object> metadata) {
            putIfPresent(metadata, "showTitle", showTitle);
            putIfPresent(metadata, "season", season);
            putIfPresent(metadata, "episode", episode);
            putIfPresent(metadata, "episodeEnd", episodeEnd);
            putIfPresent(metadata, "episodeTitle", episodeTitle);
            putIfPresent(metadata, "airDate", airDate == null ? null : airDate.toString());
            putIfPresent(metadata, "absoluteEpisode", absoluteEpisode);
            putIfPresent(metadata, "overview", overview);
        }

        private static void putIfPresent(Map<String, Object> metadata, String key, Object value) {
            if (value != null) {
                metadata.put(key, value);
            }
        }
    }
}
