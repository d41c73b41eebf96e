package org.omnilux.scanner.music.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jaudiotagger.audio.SupportedFileFormat;
import org.jaudiotagger.audio.exceptions.CannotReadException;
import org.jaudiotagger.audio.flac.FlacAudioHeader;
import org.jaudiotagger.audio.flac.metadatablock.MetadataBlockDataPicture;
import org.jaudiotagger.audio.flac.metadatablock.MetadataBlockDataStreamInfo;
import org.jaudiotagger.audio.flac.metadatablock.MetadataBlockHeader;
import org.jaudiotagger.audio.generic.Utils;
import org.jaudiotagger.tag.InvalidFrameException;
import org.jaudiotagger.tag.flac.FlacTag;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentReader;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;

/**
 * Reads a FLAC file as jaudiotagger's {@code AudioFileIO.read} does, with its classes, in one pass: its
 * {@code FlacFileReader} opens the file twice and walks the metadata blocks twice, once for the stream
 * ({@code FlacInfoReader}, which also formats every block header for a log line nobody reads) and once for the tag
 * ({@code FlacTagReader}). Here one walk builds both, the way those two do.
 *
 * <p>Only a well-formed file is read here: every block whole inside the file, a valid STREAMINFO, pictures that
 * parse. On anything else the two readers of jaudiotagger may part ways (one throws, the other skips; an ID3v2 tag in
 * front of {@code fLaC}), so such a file is left to {@code AudioFileIO.read}, which then gives its own answer or
 * failure.
 *
 * <p>Thread-safe: keeps no state between files ({@link VorbisCommentReader} keeps none either).
 */
final class FlacReader {

    /** {@code AudioFileReader2} refuses a file this small or smaller. */
    private static final long MIN_SIZE = 100;
    private static final byte[] MARKER = "fLaC".getBytes(StandardCharsets.ISO_8859_1);
    private static final VorbisCommentReader COMMENTS = new VorbisCommentReader();

    private FlacReader() {
    }

    /** What {@code AudioFileIO.read} gives of a FLAC file: {@code AudioFile.getTag()} and its audio header. */
    record Flac(FlacTag tag, FlacAudioHeader header) {
    }

    /**
     * @return the tag and header; {@code null} when the file is not a plain well-formed FLAC file, or cannot be read:
     *         the caller then reads it with {@code AudioFileIO.read}
     */
    static Flac read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file, channel);
        } catch (IOException | CannotReadException | InvalidFrameException | RuntimeException e) {
            return null;
        }
    }

    private static Flac read(Path file, FileChannel channel)
            throws IOException, CannotReadException, InvalidFrameException {
        long size = channel.size();
        if (size <= MIN_SIZE) {
            return null;
        }
        ByteBuffer marker = ByteBuffer.allocate(MARKER.length);
        if (!readFully(channel, marker) || !Arrays.equals(marker.array(), MARKER)) {
            return null; // an ID3v2 tag in front, or not FLAC at all
        }
        MetadataBlockDataStreamInfo info = null;
        VorbisCommentTag comments = null;
        List<MetadataBlockDataPicture> pictures = new ArrayList<>(1);
        boolean last = false;
        while (!last) {
            MetadataBlockHeader header = MetadataBlockHeader.readHeader(channel); // throws at the end of the file
            long start = channel.position();
            long end = start + header.getDataLength();
            if (end > size) {
                return null; // a bogus length or a truncated file
            }
            switch (header.getBlockType()) {
                case STREAMINFO -> {
                    // FlacInfoReader: the last STREAMINFO counts, an empty or short one fails the file
                    if (header.getDataLength() == 0) {
                        return null;
                    }
                    info = new MetadataBlockDataStreamInfo(header, channel);
                    if (!info.isValid()) {
                        return null;
                    }
                }
                case VORBIS_COMMENT -> {
                    // FlacTagReader: the last comment block counts
                    ByteBuffer data = ByteBuffer.allocate(header.getDataLength());
                    if (!readFully(channel, data)) {
                        return null;
                    }
                    comments = COMMENTS.read(data.array(), false, file);
                }
                // FlacTagReader skips (and logs) a picture it cannot parse; such a file is left to it
                case PICTURE -> pictures.add(new MetadataBlockDataPicture(header, channel));
                default -> {
                    // padding, seek table, application, cue sheet: both readers skip them
                }
            }
            channel.position(end);
            last = header.isLastBlock();
        }
        if (info == null) {
            return null; // FlacInfoReader fails such a file
        }
        return new Flac(new FlacTag(comments != null ? comments : VorbisCommentTag.createNewTag(), pictures),
                audioHeader(info, channel.position(), size));
    }

    /** The header exactly as {@code FlacInfoReader.read} fills it in. */
    private static FlacAudioHeader audioHeader(MetadataBlockDataStreamInfo info, long audioStart, long size) {
        FlacAudioHeader header = new FlacAudioHeader();
        header.setNoOfSamples(info.getNoOfSamples());
        header.setPreciseLength(info.getPreciseLength());
        header.setChannelNumber(info.getNoOfChannels());
        header.setSamplingRate(info.getSamplingRate());
        header.setBitsPerSample(info.getBitsPerSample());
        header.setEncodingType(info.getEncodingType());
        header.setFormat(SupportedFileFormat.FLAC.getDisplayName());
        header.setLossless(true);
        header.setMd5(info.getMD5Signature());
        header.setAudioDataLength(size - audioStart);
        header.setAudioDataStartPosition(audioStart);
        header.setAudioDataEndPosition(size);
        // FlacInfoReader.computeBitrate, to the float: kbit/s over the audio after the metadata
        long kilobits = (size - audioStart) / Utils.KILOBYTE_MULTIPLIER * Utils.BITS_IN_BYTE_MULTIPLIER;
        header.setBitRate((int) ((float) kilobits / info.getPreciseLength()));
        return header;
    }

    private static boolean readFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }
}
