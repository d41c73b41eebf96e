package org.omnilux.scanner.music.internal;

import java.nio.file.Path;
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
 * The {@code music} media type: one library item per audio track.
 *
 * <p><b>Where the values come from.</b> Tags first — read with jaudiotagger (ID3v1/v2, Vorbis comments of FLAC,
 * Ogg and Opus, MP4 atoms, ASF, WAV and AIFF chunks), and for other formats the container tags ffprobe reports.
 * Whatever the tags leave out is taken from the names: the file name ({@code 01 - Title}, {@code 1-01 Title},
 * {@code Artist - Title}) and the folders ({@code Artist/Album (Year)/CD1/}). Stream details (codec, duration, bit
 * rate, channels) come from jaudiotagger for mp3, FLAC, Ogg Vorbis, AAC/ALAC in MP4 and PCM WAV/AIFF, whose
 * headers it reads anyway, and from the core's prober (ffprobe) for every other file — a file of an untagged
 * format, one jaudiotagger cannot read, or every file when {@code probeAlways} is set. The cover is the tag's
 * embedded picture (front cover preferred), else a {@code cover.jpg}, {@code folder.jpg}, {@code front.jpg} or
 * {@code album.jpg} in the album folder. A compilation (the tags' compilation flag, or the {@code Compilations}
 * folder iTunes and Music keep them in) without an album artist tag is by "Various Artists", so that its tracks
 * stay one album for clients that group by album artist.
 *
 * <p><b>Broken files.</b> A file is audio when jaudiotagger finds its audio stream or ffprobe does. A file whose
 * tags cannot be parsed (a frame with a bogus length, a truncated tag) but whose audio ffprobe reads is kept,
 * described by ffprobe's tags and the names; a file neither can read, an empty file or one without an audio
 * stream is a {@link MediaScanException} — a job error for that path.
 *
 * <p>Configured under the PID {@value #PID} ({@link Config}); a change applies from the next file on, without
 * re-registering the service, so a running scan goes on.
 *
 * <p>Thread-safe: the core may call it from several scan threads at once; its only state is the immutable
 * {@link MusicSettings} of the current configuration.
 */
@Component(service = MediaScanner.class, configurationPid = MusicScanner.PID)
@Designate(ocd = MusicScanner.Config.class)
public class MusicScanner implements MediaScanner {

    static final String PID = "org.omnilux.scanner.music";
    static final String MEDIA_TYPE = "music";
    /** The album artist of a compilation without one, as MusicBrainz and the players name it. */
    static final String VARIOUS_ARTISTS = "Various Artists";
    private static final String COMPILATIONS_FOLDER = "Compilations";

    @ObjectClassDefinition(id = PID, name = "OmniLux music scanner",
            description = "Which files are music tracks, and where their covers come from. Changes apply to the "
                    + "next file scanned.")
    public @interface Config {
        @AttributeDefinition(name = "Extensions",
                description = "File name extensions of audio files, separated by commas")
        String[] extensions() default MusicSettings.DEFAULT_EXTENSIONS;

        @AttributeDefinition(name = "Cover image names", description = "Names without extension (.jpg, .jpeg, "
                + ".png) of album cover images in an album folder, the preferred first, separated by commas; "
                + "albumart also takes Windows Media Player's AlbumArt_{GUID}_Large.jpg, and its AlbumArtSmall.jpg "
                + "last")
        String[] coverNames() default CoverFinder.DEFAULT_BASE_NAMES;

        @AttributeDefinition(name = "Embedded covers",
                description = "Use the picture embedded in a file's tags as its cover (before a cover image file)")
        boolean embeddedCovers() default true;

        @AttributeDefinition(name = "Always probe", description = "Run ffprobe on every file for its stream "
                + "details, even when the tags library read them (mp3, FLAC, Ogg Vorbis, AAC, ALAC, PCM); slower")
        boolean probeAlways() default false;
    }

    private final TrackNameParser nameParser = new TrackNameParser();
    private final TagReader tagReader = new TagReader();
    private volatile MusicSettings settings;

    /** A scanner with the default configuration (tests). */
    public MusicScanner() {
        settings = MusicSettings.DEFAULTS;
    }

    @Activate
    public MusicScanner(Config config) {
        settings = MusicSettings.from(config);
    }

    @Modified
    void modified(Config config) {
        settings = MusicSettings.from(config);
    }

    MusicSettings settings() {
        return settings;
    }

    @Override
    public ScannerDescriptor descriptor() {
        // a fresh object per call: DTOs are mutable, and the descriptor must never change
        ScannerDescriptor descriptor = new ScannerDescriptor();
        descriptor.mediaTypes.add(new MediaTypeDescriptor(MEDIA_TYPE, List.of(
                MetadataField.of("artist", Type.STRING),
                MetadataField.of("albumArtist", Type.STRING),
                MetadataField.of("album", Type.STRING),
                MetadataField.of("trackNumber", Type.INTEGER),
                MetadataField.of("trackTotal", Type.INTEGER),
                MetadataField.of("discNumber", Type.INTEGER),
                MetadataField.of("genres", Type.STRING_LIST),
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
        MusicSettings settings = this.settings;
        TagReader.Result read = tagReader.read(file, settings.embeddedCovers(), context.sizeBytes());
        boolean tagged = read.tags() != null && !read.tags().isEmpty();
        // an untagged file is probed all the same: ffprobe reads tag formats jaudiotagger skips (APE, ID3 in WAV)
        ProbeResult probe = read.streams() != null && tagged && !settings.probeAlways() ? read.streams()
                : probe(context, read);
        AudioTags tags = tagged ? read.tags() : TagReader.fromProbeTags(probe.tags);
        Integer[] track = TagValues.numberPair(tags.track());
        Integer[] disc = TagValues.numberPair(tags.disc());
        Integer year = TagValues.year(tags.date());
        // the names only fill what the tags leave out: a file whose tags say it all skips their regex work
        boolean complete = tags.title() != null && year != null && tags.artist() != null && tags.albumArtist() != null
                && tags.album() != null && track[0] != null && disc[0] != null;
        ParsedTrack name = complete ? ParsedTrack.NONE : nameParser.parse(file, context.root());

        MediaRecord record = new MediaRecord();
        record.title = tags.title() != null ? tags.title()
                : firstNonNull(name.title(), FileNames.baseName(FileNames.name(file)));
        record.year = firstNonNull(year, name.year());
        record.probe = probe;
        if (tags.cover() != null && settings.embeddedCovers()) {
            record.posterImage = tags.cover();
        } else {
            CoverFinder covers = settings.coverFinder();
            record.posterFile = context.<Optional<Path>>perFolder(covers.folderKey,
                    entries -> covers.find(file.getParent(), context.root(), entries)).orElse(null);
        }
        fillMetadata(record.metadata, tags, track, disc, name);
        return Optional.of(record);
    }

    private static ProbeResult probe(ScanContext context, TagReader.Result read) throws MediaScanException {
        ProbeResult result;
        try {
            result = context.prober().probe(context.file());
        } catch (ProbeException e) {
            String tagProblem = read.failure() == null ? "" : "; tags: " + read.failure();
            throw new MediaScanException("not a readable audio file: " + e.getMessage() + tagProblem, e);
        }
        if (result == null || result.audio == null || result.audio.isEmpty()) {
            throw new MediaScanException("not an audio file: it has no audio stream");
        }
        return result;
    }

    /**
     * Only fields with a value go in: the API leaves out fields that do not apply.
     *
     * @param track the tags' track number and total ({@link TagValues#numberPair})
     * @param disc  the tags' disc number and total
     */
    private static void fillMetadata(Map<String, Object> metadata, AudioTags tags, Integer[] track, Integer[] disc,
            ParsedTrack name) {
        putIfPresent(metadata, "artist", firstNonNull(tags.artist(), name.artist(), tags.albumArtist()));
        putIfPresent(metadata, "albumArtist", firstNonNull(tags.albumArtist(),
                TagValues.isSet(tags.compilation()) ? VARIOUS_ARTISTS : null, folderAlbumArtist(name)));
        putIfPresent(metadata, "album", firstNonNull(tags.album(), name.album()));
        putIfPresent(metadata, "trackNumber", firstNonNull(track[0], name.trackNumber()));
        putIfPresent(metadata, "trackTotal", firstNonNull(TagValues.number(tags.trackTotal()), track[1]));
        putIfPresent(metadata, "discNumber", firstNonNull(disc[0], name.discNumber()));
        List<String> genres = TagValues.genres(tags.genres());
        if (!genres.isEmpty()) {
            metadata.put("genres", genres);
        }
    }

    /**
     * The artist folder as the album artist; iTunes and Music keep the albums of many artists in one
     * {@code Compilations} folder, which names no artist.
     */
    private static String folderAlbumArtist(ParsedTrack name) {
        return COMPILATIONS_FOLDER.equalsIgnoreCase(name.albumArtist()) ? VARIOUS_ARTISTS : name.albumArtist();
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
