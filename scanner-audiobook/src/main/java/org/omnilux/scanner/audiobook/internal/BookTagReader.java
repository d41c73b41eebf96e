package org.omnilux.scanner.audiobook.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
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
import org.jaudiotagger.tag.TagField;
import org.jaudiotagger.tag.TagTextField;
import org.jaudiotagger.tag.id3.AbstractTagFrame;
import org.jaudiotagger.tag.id3.framebody.FrameBodyTXXX;
import org.jaudiotagger.tag.images.Artwork;
import org.jaudiotagger.tag.mp4.field.Mp4TagReverseDnsField;

/**
 * Reads an audiobook file's tags with jaudiotagger (MP4 atoms of m4b/m4a, ID3 of mp3, Vorbis comments of
 * flac/ogg, ASF of wma), including the free-form fields audiobook tools write: {@code NARRATOR}, {@code SERIES},
 * {@code SERIES-PART} as ID3 {@code TXXX} frames, iTunes {@code ----} atoms or Vorbis comments. Formats
 * jaudiotagger does not read fall back to the container tags ffprobe saw.
 *
 * <p>Never throws: a file whose tags cannot be parsed yields a {@link Result} that says why. Thread-safe.
 */
final class BookTagReader {

    static final Set<String> JAUDIOTAGGER_FORMATS = Set.of("mp3", "flac", "ogg", "oga", "m4a", "m4b", "m4p", "mp4",
            "wma", "wav", "aif", "aiff");
    private static final int FRONT_COVER = 3;

    /**
     * jaudiotagger logs every oddity at WARNING through java.util.logging; only its own logger tree is silenced.
     * A field, because the JUL log manager holds loggers weakly and a collected logger forgets its level.
     */
    private final Logger jaudiotaggerLog = Logger.getLogger("org.jaudiotagger");

    BookTagReader() {
        jaudiotaggerLog.setLevel(Level.OFF);
    }

    /**
     * @param tags    the tags ({@link BookTags#NONE} when untagged), or {@code null} when they could not be read
     * @param failure why not, or {@code null}
     */
    record Result(BookTags tags, String failure) {
    }

    Result read(Path file) {
        if (!JAUDIOTAGGER_FORMATS.contains(FileNames.extension(FileNames.name(file)))) {
            return new Result(null, null);
        }
        try {
            AudioFile audio = AudioFileIO.read(file.toFile());
            Tag tag = audio.getTag();
            return new Result(tag == null ? BookTags.NONE : fromTag(tag), null);
        } catch (Exception | StackOverflowError e) {
            return new Result(null, describe(e));
        } catch (OutOfMemoryError e) {
            // a hostile length field makes jaudiotagger ask for a huge buffer; the allocation failed, nothing is held
            return new Result(null, "a tag claims an impossible size");
        }
    }

    private static BookTags fromTag(Tag tag) {
        Map<String, String> custom = customFields(tag);
        return new BookTags(first(tag, FieldKey.TITLE), first(tag, FieldKey.ALBUM), first(tag, FieldKey.ARTIST),
                first(tag, FieldKey.ALBUM_ARTIST), first(tag, FieldKey.COMPOSER), custom.get("narrator"),
                custom.get("series"), firstOf(custom, "series-part", "series_part", "seriespart"),
                first(tag, FieldKey.MOVEMENT), first(tag, FieldKey.MOVEMENT_NO), first(tag, FieldKey.GROUPING),
                first(tag, FieldKey.YEAR), cover(tag));
    }

    /** The container tags ffprobe read (lower-case keys; ffmpeg names a TXXX frame by its description). */
    static BookTags fromProbeTags(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return BookTags.NONE;
        }
        Map<String, String> t = new HashMap<>();
        tags.forEach((k, v) -> t.put(k.toLowerCase(Locale.ROOT), value(v)));
        return new BookTags(t.get("title"), t.get("album"), t.get("artist"), firstOf(t, "album_artist", "albumartist"),
                t.get("composer"), t.get("narrator"), t.get("series"), firstOf(t, "series-part", "series_part"),
                firstOf(t, "mvnm", "movementname"), firstOf(t, "mvin", "movement"), firstOf(t, "grouping"),
                firstOf(t, "date", "year"), null);
    }

    /** Free-form fields by lower-case name: TXXX descriptions, iTunes reverse-DNS names, Vorbis comment names. */
    private static Map<String, String> customFields(Tag tag) {
        Map<String, String> fields = new HashMap<>();
        try {
            for (Iterator<TagField> it = tag.getFields(); it.hasNext();) {
                TagField field = it.next();
                String name = null;
                String content = null;
                if (field instanceof AbstractTagFrame frame && frame.getBody() instanceof FrameBodyTXXX txxx) {
                    name = txxx.getDescription();
                    content = txxx.getFirstTextValue();
                } else if (field instanceof Mp4TagReverseDnsField dns) {
                    name = dns.getDescriptor();
                    content = dns.getContent();
                } else if (field instanceof TagTextField text) {
                    name = field.getId();
                    content = text.getContent();
                }
                if (name != null && value(content) != null) {
                    fields.putIfAbsent(name.toLowerCase(Locale.ROOT), value(content));
                }
            }
        } catch (RuntimeException e) {
            // a field that cannot be decoded: keep what was read before it
        }
        return fields;
    }

    private static String firstOf(Map<String, String> fields, String... names) {
        for (String name : names) {
            String v = fields.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String first(Tag tag, FieldKey key) {
        try {
            return value(tag.getFirst(key));
        } catch (RuntimeException e) {
            return null; // the format has no such field
        }
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
            return null; // a broken picture: no cover rather than no book
        }
    }

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
