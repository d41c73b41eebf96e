package org.omnilux.probeworker;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_name;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_descriptor_get;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_DONT_OVERWRITE;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_SMPTE2084;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.av_color_transfer_name;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_iterate;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_side_data_name;
import static org.bytedeco.ffmpeg.global.avutil.av_get_media_type_string;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecDescriptor;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVChapter;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;

/**
 * Reads one file's container headers through libavformat and describes it in the shape of
 * {@code ffprobe -show_format -show_streams -show_chapters -print_format json}: the same keys, the same value
 * formats (durations as seconds with six decimals, rates as {@code num/den}, names from the same libav functions),
 * so the core maps both with one piece of code. Only the keys the core reads are written.
 *
 * <p>Like ffprobe, the file is opened with {@code scan_all_pmts} and {@code avformat_find_stream_info} is run.
 * For a PQ (HDR10) video stream the first frame is decoded as well and its side data listed under the stream's
 * {@code first_frame_side_data_list}: HDR10+ metadata is only visible there (the reference path needs a second
 * ffprobe run for it).
 */
final class AvProbe {

    /** How many packets of a PQ stream are read at most to get its first decoded frame. */
    private static final int FIRST_FRAME_MAX_PACKETS = 64;
    private static final int AV_DISPOSITION_DEFAULT = 0x0001;
    private static final int AV_DISPOSITION_FORCED = 0x0040;
    private static final int AV_DISPOSITION_ATTACHED_PIC = 0x0400;
    private static final int AV_DISPOSITION_TIMED_THUMBNAILS = 0x0800;

    private AvProbe() {
    }

    /** Thrown when libavformat cannot open or understand a file; the message is libav's reason. */
    static final class ProbeFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ProbeFailure(String message) {
            super(message);
        }
    }

    static JsonObject probe(String path) throws ProbeFailure {
        // every native allocation made by JavaCPP wrappers here is released when the scope closes
        try (PointerScope scope = new PointerScope()) {
            AVFormatContext ctx = new AVFormatContext(null);
            AVDictionary options = new AVDictionary(null);
            av_dict_set(options, "scan_all_pmts", "1", AV_DICT_DONT_OVERWRITE);
            int ret = avformat_open_input(ctx, new BytePointer(path, StandardCharsets.UTF_8), null, options);
            av_dict_free(options);
            if (ret < 0) {
                throw new ProbeFailure(error(ret));
            }
            try {
                ret = avformat_find_stream_info(ctx, (AVDictionary) null);
                if (ret < 0) {
                    throw new ProbeFailure(error(ret));
                }
                JsonObject out = new JsonObject();
                JsonArray streams = new JsonArray();
                for (int i = 0; i < ctx.nb_streams(); i++) {
                    streams.add(stream(ctx.streams(i)));
                }
                out.put("streams", streams);
                JsonArray chapters = new JsonArray();
                for (int i = 0; i < ctx.nb_chapters(); i++) {
                    chapters.add(chapter(ctx.chapters(i)));
                }
                out.put("chapters", chapters);
                out.put("format", format(ctx));
                readFirstFramesOfPqStreams(ctx, streams);
                return out;
            } finally {
                avformat_close_input(ctx);
            }
        }
    }

    private static JsonObject format(AVFormatContext ctx) {
        JsonObject f = new JsonObject();
        f.put("nb_streams", ctx.nb_streams());
        f.put("format_name", string(ctx.iformat().name()));
        if (ctx.duration() != AV_NOPTS_VALUE) {
            f.put("duration", seconds(ctx.duration() / 1_000_000.0));
        }
        if (ctx.bit_rate() > 0) {
            f.put("bit_rate", Long.toString(ctx.bit_rate()));
        }
        putTags(f, ctx.metadata());
        return f;
    }

    private static JsonObject stream(AVStream st) {
        AVCodecParameters par = st.codecpar();
        JsonObject s = new JsonObject();
        s.put("index", st.index());
        AVCodecDescriptor descriptor = avcodec_descriptor_get(par.codec_id());
        s.put("codec_name", descriptor == null ? "unknown" : string(descriptor.name()));
        String type = string(av_get_media_type_string(par.codec_type()));
        if (type != null) {
            s.put("codec_type", type);
        }
        s.put("codec_tag_string", fourcc(par.codec_tag()));
        switch (par.codec_type()) {
            case AVMEDIA_TYPE_VIDEO:
                s.put("width", par.width());
                s.put("height", par.height());
                String pixFmt = par.format() < 0 ? null : string(av_get_pix_fmt_name(par.format()));
                if (pixFmt != null) {
                    s.put("pix_fmt", pixFmt);
                }
                String trc = string(av_color_transfer_name(par.color_trc()));
                s.put("color_transfer", trc == null || par.color_trc() == AVCOL_TRC_UNSPECIFIED ? "unknown" : trc);
                break;
            case AVMEDIA_TYPE_AUDIO:
                s.put("channels", par.ch_layout().nb_channels());
                break;
            default:
                break;
        }
        s.put("r_frame_rate", rational(st.r_frame_rate()));
        s.put("avg_frame_rate", rational(st.avg_frame_rate()));
        if (par.bits_per_raw_sample() > 0) {
            s.put("bits_per_raw_sample", Integer.toString(par.bits_per_raw_sample()));
        }
        if (st.duration() != AV_NOPTS_VALUE) {
            s.put("duration", seconds(st.duration() * q2d(st.time_base())));
        }
        int d = st.disposition();
        JsonObject disposition = new JsonObject();
        disposition.put("default", (d & AV_DISPOSITION_DEFAULT) != 0 ? 1 : 0);
        disposition.put("forced", (d & AV_DISPOSITION_FORCED) != 0 ? 1 : 0);
        disposition.put("attached_pic", (d & AV_DISPOSITION_ATTACHED_PIC) != 0 ? 1 : 0);
        disposition.put("timed_thumbnails", (d & AV_DISPOSITION_TIMED_THUMBNAILS) != 0 ? 1 : 0);
        s.put("disposition", disposition);
        putTags(s, st.metadata());
        JsonArray sideData = new JsonArray();
        AVPacketSideData first = par.coded_side_data();
        for (int i = 0; i < par.nb_coded_side_data() && first != null; i++) {
            AVPacketSideData sd = first.getPointer(i);
            String name = string(av_packet_side_data_name(sd.type()));
            if (name != null) {
                JsonObject entry = new JsonObject();
                entry.put("side_data_type", name);
                sideData.add(entry);
            }
        }
        if (!sideData.isEmpty()) {
            s.put("side_data_list", sideData);
        }
        return s;
    }

    private static JsonObject chapter(AVChapter c) {
        JsonObject ch = new JsonObject();
        double tb = q2d(c.time_base());
        ch.put("start_time", seconds(c.start() * tb));
        ch.put("end_time", seconds(c.end() * tb));
        putTags(ch, c.metadata());
        return ch;
    }

    /**
     * Decodes the first frame of every PQ video stream and lists the frame's side data (HDR10+ dynamic metadata
     * is carried in the frames, not the stream headers). A stream that cannot be decoded simply gets no list: the
     * core then keeps HDR10, as it does when ffprobe's frame read fails.
     */
    private static void readFirstFramesOfPqStreams(AVFormatContext ctx, JsonArray streams) {
        for (int i = 0; i < ctx.nb_streams(); i++) {
            AVStream st = ctx.streams(i);
            AVCodecParameters par = st.codecpar();
            if (par.codec_type() != AVMEDIA_TYPE_VIDEO || par.color_trc() != AVCOL_TRC_SMPTE2084) {
                continue;
            }
            JsonArray types = firstFrameSideData(ctx, st.index(), par);
            if (types != null) {
                streams.getObject(i).put("first_frame_side_data_list", types);
            }
        }
    }

    private static JsonArray firstFrameSideData(AVFormatContext ctx, int streamIndex, AVCodecParameters par) {
        AVCodec decoder = avcodec_find_decoder(par.codec_id());
        if (decoder == null) {
            return null;
        }
        AVCodecContext dec = avcodec_alloc_context3(decoder);
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try {
            if (avcodec_parameters_to_context(dec, par) < 0 || avcodec_open2(dec, decoder, (AVDictionary) null) < 0) {
                return null;
            }
            for (int read = 0; read < FIRST_FRAME_MAX_PACKETS && av_read_frame(ctx, packet) >= 0;) {
                try {
                    if (packet.stream_index() != streamIndex) {
                        continue;
                    }
                    read++;
                    if (avcodec_send_packet(dec, packet) < 0) {
                        return null;
                    }
                } finally {
                    av_packet_unref(packet);
                }
                int got = avcodec_receive_frame(dec, frame);
                if (got == AVERROR_EAGAIN()) {
                    continue;
                }
                if (got < 0) {
                    return null;
                }
                JsonArray types = new JsonArray();
                for (int k = 0; k < frame.nb_side_data(); k++) {
                    String name = string(av_frame_side_data_name(frame.side_data(k).type()));
                    if (name != null) {
                        JsonObject entry = new JsonObject();
                        entry.put("side_data_type", name);
                        types.add(entry);
                    }
                }
                return types;
            }
            return null;
        } finally {
            av_frame_free(frame);
            av_packet_free(packet);
            avcodec_free_context(dec);
        }
    }

    private static void putTags(JsonObject target, AVDictionary dict) {
        if (dict == null || dict.isNull()) {
            return;
        }
        JsonObject tags = new JsonObject();
        for (AVDictionaryEntry e = av_dict_iterate(dict, null); e != null && !e.isNull(); e = av_dict_iterate(dict, e)) {
            String key = string(e.key());
            String value = string(e.value());
            if (key != null && value != null) {
                tags.put(key, value);
            }
        }
        if (!tags.isEmpty()) {
            target.put("tags", tags);
        }
    }

    /** As ffprobe's {@code av_fourcc2str}: printable characters as they are, others as {@code [n]}. */
    static String fourcc(int tag) {
        StringBuilder sb = new StringBuilder(8);
        for (int i = 0; i < 4; i++) {
            int c = (tag >>> (8 * i)) & 0xff;
            boolean printable = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_' || c == ' ';
            if (printable) {
                sb.append((char) c);
            } else {
                sb.append('[').append(c).append(']');
            }
        }
        return sb.toString();
    }

    /** As ffprobe prints times: seconds with six decimals. */
    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    private static String rational(AVRational r) {
        return r.num() + "/" + r.den();
    }

    private static double q2d(AVRational r) {
        return r.den() == 0 ? 0 : (double) r.num() / r.den();
    }

    private static String string(BytePointer p) {
        if (p == null || p.isNull()) {
            return null;
        }
        return p.getString(StandardCharsets.UTF_8);
    }

    static String error(int code) {
        byte[] buffer = new byte[256];
        if (av_strerror(code, buffer, buffer.length) < 0) {
            return "libavformat error " + code;
        }
        int end = 0;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, StandardCharsets.UTF_8);
    }
}
