package org.omnilux.scanner.music.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.images.Artwork;

/**
 * Reads the tags of an audio file with jaudiotagger: ID3v1/v2 (mp3), Vorbis comments (flac, ogg), MP4 atoms
 * (m4a), ASF (wma), RIFF INFO/ID3 (wav), AIFF. Opus comments, which jaudiotagger does not read, come from
 * {@link OggCommentReader}; anything else from the container tags ffprobe saw.
 *
 * <p>Never throws: a file jaudiotagger cannot parse (bogus frame lengths, truncation, a format it does not
 * know) yields a {@link Result} that says so, and the caller decides what the file is worth.
 *
 * <p>Thread-safe: jaudiotagger's readers keep no state between files.
 */
final class TagReader {

    /** The extensions jaudiotagger has a reader for (it picks the reader by extension). */
    static final Set<String> JAUDIOTAGGER_FORMATS = Set.of("mp3", "flac", "ogg", "oga", "m4a", "m4b", "m4p", "mp4",
            "wma", "wav", "aif", "aiff", "aifc", "dsf", "dff");
    private static final int FRONT_COVER = 3;

    /**
     * jaudiotagger logs every oddity of every file at WARNING through java.util.logging; what matters reaches
     * the scan job as our own decision. Only jaudiotagger's own logger tree is touched. Held in a field because
     * the JUL log manager keeps loggers only weakly, and a collected logger forgets its level.
     */
    private final Logger jaudiotaggerLog = Logger.getLogger("org.jaudiotagger");

    TagReader() {
        jaudiotaggerLog.setLevel(Level.OFF);
    }

    /**
     * The outcome of reading one file's tags.
     *
     * @param tags    the tags ({@link AudioTags#NONE} for an untagged file), or {@code null} when none could be read
     * @param failure why the tags could not be read, or {@code null}
     */
    record Result(AudioTags tags, String failure) {
    }

    /** Larger files (a few exist: day-long recordings) are described by ffprobe's tags, which read only the head. */
    static final long MAX_TAG_READ_BYTES = 1L << 30;

    /** Reads with jaudiotagger when it knows the format, else with the Ogg comment reader for Opus; never throws. */
    Result read(Path file) {
        String extension = FileNames.extension(FileNames.name(file));
        if (extension.equals("opus")) {
            return OggCommentReader.read(file);
        }
        if (!JAUDIOTAGGER_FORMATS.contains(extension)) {
            return new Result(null, null); // not a failure: ffprobe's tags will do
        }
        try {
            if (Files.size(file) > MAX_TAG_READ_BYTES) {
                // jaudiotagger may walk a whole file looking for audio frames: past this size ffprobe's tags do
                return new Result(null, "too large to read its tags with jaudiotagger");
            }
            AudioFile audio = AudioFileIO.read(file.toFile());
            Tag tag = audio.getTag();
            return new Result(tag == null ? AudioTags.NONE : fromTag(tag), null);
        } catch (Exception | StackOverflowError e) {
            return new Result(null, describe(e));
        } catch (OutOfMemoryError e) {
            // a hostile length field makes jaudiotagger ask for a huge buffer; the allocation failed, nothing is held
            return new Result(null, "a tag claims an impossible size");
        }
    }

    private static AudioTags fromTag(Tag tag) {
        return new AudioTags("jaudiotagger",
                first(tag, FieldKey.TITLE), first(tag, FieldKey.ARTIST), first(tag, FieldKey.ALBUM_ARTIST),
                first(tag, FieldKey.ALBUM), first(tag, FieldKey.TRACK), first(tag, FieldKey.TRACK_TOTAL),
                first(tag, FieldKey.DISC_NO), first(tag, FieldKey.YEAR), all(tag, FieldKey.GENRE), cover(tag));
    }

    /**
     * The container tags ffprobe read (lower-case keys), for formats jaudiotagger has no reader for
     * ({@code aac}, {@code mka}, {@code ape}, {@code wv}) and as the second chance when jaudiotagger failed.
     */
    static AudioTags fromProbeTags(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return AudioTags.NONE;
        }
        String genre = value(tags.get("genre"));
        return new AudioTags("ffprobe", value(tags.get("title")), value(tags.get("artist")),
                value(firstPresent(tags, "album_artist", "albumartist", "album artist")), value(tags.get("album")),
                value(firstPresent(tags, "track", "tracknumber")), value(firstPresent(tags, "tracktotal", "totaltracks")),
                value(firstPresent(tags, "disc", "discnumber")), value(firstPresent(tags, "date", "year")),
                genre == null ? List.of() : List.of(genre), null);
    }

    private static String firstPresent(Map<String, String> tags, String... keys) {
        for (String key : keys) {
            String v = tags.get(key);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String first(Tag tag, FieldKey key) {
        try {
            return value(tag.getFirst(key));
        } catch (RuntimeException e) {
            return null; // KeyNotFoundException, UnsupportedOperationException: the format has no such field
        }
    }

    private static List<String> all(Tag tag, FieldKey key) {
        List<String> values = new ArrayList<>();
        try {
            for (String v : tag.getAll(key)) {
                String clean = value(v);
                if (clean != null) {
                    values.add(clean);
                }
            }
        } catch (RuntimeException e) {
            // the format has no such field
        }
        return values;
    }

    private static byte[] cover(Tag tag) {
        try {
            List<Artwork> artworks = tag.getArtworkList();
            byte[] any = null;
            for (Artwork artwork : artworks) {
                byte[] data = artwork.isLinked() ? null : artwork.getBinaryData();
                if (data == null || data.length == 0) {
                    continue;
                }
                if (artwork.getPictureType() == FRONT_COVER) {
                    return data;
                }
                if (any == null) {
                    any = data;
                }
            }
            return any;
        } catch (RuntimeException e) {
            return null; // a broken picture frame: no cover rather than no track
        }
    }

    /** Trims, drops NULs that some taggers leave at the end, and turns blank into {@code null}. */
    static String value(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.replace("\u0000", " ").trim();
        return v.isEmpty() ? null : v;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName().replaceAll("Exception$", "").replaceAll("(?<=[a-z])(?=[A-Z])", " ")
                .toLowerCase(Locale.ROOT);
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
