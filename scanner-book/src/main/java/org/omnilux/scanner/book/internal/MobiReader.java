package org.omnilux.scanner.book.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import org.omnilux.api.scanner.MediaScanException;

/**
 * Reads the metadata of a Mobipocket / Kindle book ({@code .mobi}, {@code .azw}, {@code .azw3}) from its headers:
 * no well-kept Java library reads them, and the part needed is small.
 *
 * <p>The file is a Palm database: a 78-byte header, then a list of records (offset, attributes, id). Record 0
 * holds a 16-byte PalmDOC header, the MOBI header ({@code MOBI}, its length, the text encoding, the full name's
 * offset and length, the locale, the first image record, the EXTH flag) and the EXTH block: typed records, of which
 * 100 author (repeated for several), 101 publisher, 104 ISBN, 106 publishing date, 201 cover offset (from the
 * first image record), 503 updated title and 524 language are read. A KF8 (AZW3) file and the KF8 half of a
 * combined file carry the same structures in record 0, so one reader serves all. Text is never decompressed,
 * and DRM (which encrypts the text only) does not stand in the way of the metadata.
 *
 * <p>A file that is no Mobipocket database at all (too short for the Palm header, or of another type, such as the
 * KFX containers Amazon also names {@code .azw}) gives no metadata and is listed by its name. In a Mobipocket
 * database every offset and length is checked against the file before it is used: a truncated or malformed one is
 * a {@link MediaScanException}, never a runtime exception or an allocation of what a field claims. Only record 0
 * (at most {@value #MAX_RECORD0_BYTES} bytes) and the cover record are read. Stateless and thread-safe.
 */
final class MobiReader {

    static final int PDB_HEADER = 78;
    static final int RECORD_ENTRY = 8;
    /** Record 0 is a few kB; EXTH blocks with embedded fonts or large descriptions stay far below this. */
    static final int MAX_RECORD0_BYTES = 1024 * 1024;
    private static final int PALMDOC_HEADER = 16;
    private static final int EXTH_FLAG = 0x40;
    private static final int MAX_EXTH_RECORDS = 10_000;
    private static final long NO_INDEX = 0xFFFFFFFFL;

    static final int EXTH_AUTHOR = 100;
    static final int EXTH_PUBLISHER = 101;
    static final int EXTH_ISBN = 104;
    static final int EXTH_PUBLISHED = 106;
    static final int EXTH_COVER_OFFSET = 201;
    static final int EXTH_UPDATED_TITLE = 503;
    static final int EXTH_LANGUAGE = 524;

    /** Windows primary language ids (the low 10 bits of the MOBI locale) of the languages books are mostly in. */
    private static final Map<Integer, String> LOCALE_LANGUAGES = Map.ofEntries(Map.entry(0x01, "ara"),
            Map.entry(0x02, "bul"), Map.entry(0x03, "cat"), Map.entry(0x04, "chi"), Map.entry(0x05, "cze"),
            Map.entry(0x06, "dan"), Map.entry(0x07, "ger"), Map.entry(0x08, "gre"), Map.entry(0x09, "eng"),
            Map.entry(0x0A, "spa"), Map.entry(0x0B, "fin"), Map.entry(0x0C, "fre"), Map.entry(0x0D, "heb"),
            Map.entry(0x0E, "hun"), Map.entry(0x0F, "ice"), Map.entry(0x10, "ita"), Map.entry(0x11, "jpn"),
            Map.entry(0x12, "kor"), Map.entry(0x13, "dut"), Map.entry(0x14, "nor"), Map.entry(0x15, "pol"),
            Map.entry(0x16, "por"), Map.entry(0x18, "rum"), Map.entry(0x19, "rus"), Map.entry(0x1A, "hrv"),
            Map.entry(0x1B, "slo"), Map.entry(0x1D, "swe"), Map.entry(0x1E, "tha"), Map.entry(0x1F, "tur"),
            Map.entry(0x22, "ukr"), Map.entry(0x24, "slv"), Map.entry(0x2A, "vie"));

    BookInfo read(Path file, boolean withCover) throws MediaScanException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(channel, withCover);
        } catch (NoSuchFileException e) {
            throw new MediaScanException("the file vanished while it was scanned", e);
        } catch (IOException e) {
            throw new MediaScanException("not a readable MOBI book: " + message(e), e);
        }
    }

    private BookInfo read(FileChannel channel, boolean withCover) throws IOException, MediaScanException {
        long size = channel.size();
        if (size < PDB_HEADER) {
            return new BookInfo(); // no Palm database at all: listed by its name
        }
        ByteBuffer header = readAt(channel, 0, PDB_HEADER, size, "the Palm database header");
        if (!ascii(header, 60, 8).equals("BOOKMOBI")) {
            // not Mobipocket: a KFX container named .azw, a PalmDOC, something else; listed by its name
            return new BookInfo();
        }
        int recordCount = Short.toUnsignedInt(header.getShort(76));
        if (recordCount == 0) {
            throw new MediaScanException("not a readable MOBI book: the Palm database has no records");
        }
        ByteBuffer list = readAt(channel, PDB_HEADER, (long) recordCount * RECORD_ENTRY, size, "the record list");
        long[] offsets = new long[recordCount];
        for (int i = 0; i < recordCount; i++) {
            offsets[i] = Integer.toUnsignedLong(list.getInt(i * RECORD_ENTRY));
            if (offsets[i] < PDB_HEADER + (long) recordCount * RECORD_ENTRY || offsets[i] >= size
                    || i > 0 && offsets[i] < offsets[i - 1]) {
                throw new MediaScanException("not a readable MOBI book: record " + i + " lies at " + offsets[i]
                        + ", outside the file of " + size + " bytes (truncated?)");
            }
        }
        long record0End = recordCount > 1 ? offsets[1] : size;
        long record0Length = Math.min(record0End - offsets[0], MAX_RECORD0_BYTES);
        ByteBuffer record0 = readAt(channel, offsets[0], record0Length, size, "record 0");
        if (record0.limit() < PALMDOC_HEADER + 8 || !ascii(record0, PALMDOC_HEADER, 4).equals("MOBI")) {
            throw new MediaScanException("not a readable MOBI book: record 0 has no MOBI header");
        }
        long mobiLength = Integer.toUnsignedLong(record0.getInt(PALMDOC_HEADER + 4));
        if (mobiLength < 8 || PALMDOC_HEADER + mobiLength > record0.limit()) {
            throw new MediaScanException("not a readable MOBI book: the MOBI header claims " + mobiLength
                    + " bytes, record 0 holds " + record0.limit());
        }
        int mobiEnd = PALMDOC_HEADER + (int) mobiLength;
        Charset charset = field(record0, 0x1C, mobiEnd) == 65001 ? StandardCharsets.UTF_8
                : Charset.forName("windows-1252");

        BookInfo info = new BookInfo();
        long nameOffset = field(record0, 0x54, mobiEnd);
        long nameLength = field(record0, 0x58, mobiEnd);
        if (nameOffset >= 0 && nameLength > 0 && nameOffset + nameLength <= record0.limit()) {
            info.title = clean(string(record0, (int) nameOffset, (int) nameLength, charset));
        }
        long locale = field(record0, 0x5C, mobiEnd);
        String localeLanguage = locale < 0 ? null : LOCALE_LANGUAGES.get((int) (locale & 0x3FF));
        long firstImage = field(record0, 0x6C, mobiEnd);
        long exthFlags = field(record0, 0x80, mobiEnd);

        Long coverOffset = null;
        String updatedTitle = null;
        String published = null;
        String language = null;
        if (exthFlags >= 0 && (exthFlags & EXTH_FLAG) != 0) {
            int at = mobiEnd;
            if (at + 12 > record0.limit() || !ascii(record0, at, 4).equals("EXTH")) {
                throw new MediaScanException("not a readable MOBI book: the EXTH block the header announces is missing");
            }
            long exthLength = Integer.toUnsignedLong(record0.getInt(at + 4));
            long count = Integer.toUnsignedLong(record0.getInt(at + 8));
            if (exthLength < 12 || at + exthLength > record0.limit() || count > MAX_EXTH_RECORDS) {
                throw new MediaScanException("not a readable MOBI book: the EXTH block claims " + exthLength
                        + " bytes in " + count + " records");
            }
            int end = at + (int) exthLength;
            int p = at + 12;
            for (long i = 0; i < count; i++) {
                if (p + 8 > end) {
                    throw new MediaScanException("not a readable MOBI book: EXTH record " + i + " is truncated");
                }
                int recordType = record0.getInt(p);
                long recordLength = Integer.toUnsignedLong(record0.getInt(p + 4));
                if (recordLength < 8 || p + recordLength > end) {
                    throw new MediaScanException("not a readable MOBI book: EXTH record " + i + " (type " + recordType
                            + ") claims " + recordLength + " bytes");
                }
                int dataAt = p + 8;
                int dataLength = (int) recordLength - 8;
                switch (recordType) {
                    case EXTH_AUTHOR -> info.addAuthor(clean(string(record0, dataAt, dataLength, charset)));
                    case EXTH_PUBLISHER -> info.publisher = first(info.publisher,
                            clean(string(record0, dataAt, dataLength, charset)));
                    case EXTH_ISBN -> info.isbn = first(info.isbn,
                            Isbn.normalise(string(record0, dataAt, dataLength, charset)));
                    case EXTH_PUBLISHED -> published = first(published, string(record0, dataAt, dataLength, charset));
                    case EXTH_UPDATED_TITLE -> updatedTitle = first(updatedTitle,
                            clean(string(record0, dataAt, dataLength, charset)));
                    case EXTH_LANGUAGE -> language = first(language, clean(string(record0, dataAt, dataLength, charset)));
                    case EXTH_COVER_OFFSET -> {
                        if (dataLength == 4 && coverOffset == null) {
                            coverOffset = Integer.toUnsignedLong(record0.getInt(dataAt));
                        }
                    }
                    default -> {
                        // not a field the API shows
                    }
                }
                p += (int) recordLength;
            }
        }
        if (info.title == null) {
            info.title = updatedTitle;
        }
        info.language = language != null ? LanguageCodes.normalise(language) : localeLanguage;
        info.year = Years.fromDate(published);
        if (withCover && coverOffset != null && coverOffset != NO_INDEX && firstImage >= 0 && firstImage != NO_INDEX
                && firstImage + coverOffset < recordCount) {
            int index = (int) (firstImage + coverOffset);
            long start = offsets[index];
            long end = index + 1 < recordCount ? offsets[index + 1] : size;
            if (end > start && end - start <= Limits.MAX_COVER_BYTES) {
                ByteBuffer cover = readAt(channel, start, end - start, size, "the cover record");
                byte[] bytes = new byte[cover.limit()];
                cover.get(0, bytes);
                info.cover = isImage(bytes) ? bytes : null;
            }
        }
        return info;
    }

    /**
     * A 32-bit unsigned field of the MOBI header at {@code offset} in record 0, or -1 when the header is too short to
     * hold it (old MOBI versions have shorter headers).
     */
    private static long field(ByteBuffer record0, int offset, int mobiEnd) {
        return offset + 4 <= mobiEnd ? Integer.toUnsignedLong(record0.getInt(offset)) : -1;
    }

    /** JPEG, PNG and GIF: what MOBI books hold as images; anything else in the cover slot is no cover. */
    private static boolean isImage(byte[] b) {
        return b.length > 4 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8
                || (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                || b[0] == 'G' && b[1] == 'I' && b[2] == 'F');
    }

    private static ByteBuffer readAt(FileChannel channel, long position, long length, long size, String what)
            throws IOException, MediaScanException {
        if (position < 0 || length < 0 || position + length > size || length > Integer.MAX_VALUE) {
            throw new MediaScanException("not a readable MOBI book: " + what + " needs bytes " + position + "–"
                    + (position + length) + ", the file has " + size + " (truncated?)");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("the file ended inside " + what);
            }
        }
        return buffer.flip();
    }

    private static String ascii(ByteBuffer buffer, int at, int length) {
        byte[] bytes = new byte[length];
        buffer.get(at, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String string(ByteBuffer buffer, int at, int length, Charset charset) {
        byte[] bytes = new byte[length];
        buffer.get(at, bytes);
        return new String(bytes, charset);
    }

    /** Trims, drops the NULs some writers pad with, and turns blank into {@code null}. */
    private static String clean(String value) {
        return SafeXml.blankToNull(value.replace("\u0000", ""));
    }

    private static <T> T first(T current, T candidate) {
        return current != null ? current : candidate;
    }

    private static String message(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }
}
