package org.omnilux.scanner.music.internal;

import java.nio.file.Path;
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
 * The {@code music} media type: one library item per audio track.
 *
 * <p><b>Where the values come from.</b> Tags first — read with jaudiotagger (ID3v1/v2, Vorbis comments, MP4
 * atoms, ASF, WAV and AIFF chunks), Opus comments with a small reader of our own, and for other formats the
 * container tags ffprobe reports. Whatever the tags leave out is taken from the names: the file name
 * ({@code 01 - Title}, {@code 1-01 Title}, {@code Artist - Title}) and the folders
 * ({@code Artist/Album (Year)/CD1/}). Stream details (codec, duration, bit rate, channels) come from the
 * core's prober. The cover is the tag's embedded picture (front cover preferred), else a {@code cover.jpg},
 * {@code folder.jpg}, {@code front.jpg} or {@code album.jpg} in the album folder.
 *
 * <p><b>Broken files.</b> ffprobe decides whether a file is audio. A file whose tags cannot be parsed (a frame
 * with a bogus length, a truncated tag) but whose audio ffprobe reads is kept, described by ffprobe's tags and
 * the names; a file ffprobe cannot read, an empty file or one without an audio stream is a
 * {@link MediaScanException} — a job error for that path.
 *
 * <p>Stateless and thread-safe: the core may call it from several scan threads at once.
 */
@Component(service = MediaScanner.class)
public class MusicScanner implements MediaScanner {

    static final String MEDIA_TYPE = "music";

    static final List<String> AUDIO_EXTENSIONS = List.of("mp3", "flac", "m4a", "aac", "ogg", "oga", "opus", "wma",
            "wav", "aif", "aiff", "aifc", "alac", "ape", "wv", "mka", "dsf", "dff", "mpc", "tta");
    private static final Set<String> AUDIO_EXTENSION_SET = Set.copyOf(AUDIO_EXTENSIONS);

    private final TrackNameParser nameParser = new TrackNameParser();
    private final TagReader tagReader = new TagReader();
    private final CoverFinder coverFinder = new CoverFinder();

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
        descriptor.extensions.addAll(AUDIO_EXTENSIONS);
        return descriptor;
    }

    @Override
    public boolean accepts(Path file, Path root) {
        return AUDIO_EXTENSION_SET.contains(FileNames.extension(FileNames.name(file))) && !FileNames.isHidden(file, root);
    }

    @Override
    public Optional<MediaRecord> recognise(ScanContext context) throws MediaScanException {
        Path file = context.file();
        if (context.sizeBytes() == 0) {
            throw new MediaScanException("empty file");
        }
        TagReader.Result read = tagReader.read(file);
        ProbeResult probe = probe(context, read);
        AudioTags tags = read.tags() != null && !read.tags().isEmpty() ? read.tags() : TagReader.fromProbeTags(probe.tags);
        ParsedTrack name = nameParser.parse(file, context.root());

        MediaRecord record = new MediaRecord();
        record.title = firstNonNull(tags.title(), name.title(), FileNames.baseName(FileNames.name(file)));
        record.year = firstNonNull(TagValues.year(tags.date()), name.year());
        record.probe = probe;
        if (tags.cover() != null) {
            record.posterImage = tags.cover();
        } else {
            record.posterFile = coverFinder.find(file, context.root(), context.siblings()).orElse(null);
        }
        fillMetadata(record.metadata, tags, name);
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

    /** Only fields with a value go in: the API leaves out fields that do not apply. */
    private static void fillMetadata(Map<String, Object> metadata, AudioTags tags, ParsedTrack name) {
        Integer[] track = TagValues.numberPair(tags.track());
        Integer[] disc = TagValues.numberPair(tags.disc());
        putIfPresent(metadata, "artist", firstNonNull(tags.artist(), name.artist(), tags.albumArtist()));
        putIfPresent(metadata, "albumArtist", firstNonNull(tags.albumArtist(), name.albumArtist()));
        putIfPresent(metadata, "album", firstNonNull(tags.album(), name.album()));
        putIfPresent(metadata, "trackNumber", firstNonNull(track[0], name.trackNumber()));
        putIfPresent(metadata, "trackTotal", firstNonNull(TagValues.number(tags.trackTotal()), track[1]));
        putIfPresent(metadata, "discNumber", firstNonNull(disc[0], name.discNumber()));
        List<String> genres = TagValues.genres(tags.genres());
        if (!genres.isEmpty()) {
            metadata.put("genres", genres);
        }
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
