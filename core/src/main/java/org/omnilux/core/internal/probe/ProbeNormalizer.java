package org.omnilux.core.internal.probe;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure functions turning what ffprobe says into the values the Library API shows. Nothing here starts a process
 * or touches a file, so all of it is unit-testable without ffprobe.
 *
 * <h2>Resolution classes</h2>
 * {@link #resolutionClass(Integer, Integer)} works on the <em>16:9-equivalent height</em> of the frame: the frame
 * is first turned to landscape (portrait phone video is classed by its short side), then
 * {@code h' = max(shortSide, round(longSide * 9 / 16))}. This classes letterbox-cropped films by their width
 * ({@code 1920x800} is 1080p, {@code 3840x1600} is 2160p) and 4:3 or anamorphic frames by their height
 * ({@code 1440x1080} is 1080p, {@code 720x576} is 576p). A frame belongs to the highest class whose nominal height
 * it reaches to 90 %:
 * <pre>
 *   h' ≥ 3888 → 4320p      h' ≥ 1944 → 2160p      h' ≥ 1296 → 1440p      h' ≥ 972 → 1080p
 *   h' ≥  648 →  720p      h' ≥  518 →  576p      h' ≥  432 →  480p      else → h'p (e.g. 360p, 240p)
 * </pre>
 * So 1088/1072-line encodes are 1080p, {@code 1280x960} is 720p, {@code 960x540} is 576p and a 21:9
 * {@code 2560x1080} ultrawide frame is 1440p.
 *
 * <h2>HDR</h2>
 * Dolby Vision (a {@code DOVI configuration record} side data, or a {@code dvh1}/{@code dvhe}/{@code dav1}/
 * {@code dva1}/{@code dvav} codec tag) wins over everything; then HDR10+ (PQ transfer plus
 * {@code HDR Dynamic Metadata SMPTE2094-40} side data); then HDR10 (PQ transfer {@code smpte2084}); then HLG
 * ({@code arib-std-b67}).
 */
public final class ProbeNormalizer {

    public static final String HDR10 = "HDR10";
    public static final String HDR10_PLUS = "HDR10+";
    public static final String HLG = "HLG";
    public static final String DOLBY_VISION = "Dolby Vision";

    private static final Map<String, String> VIDEO_CODECS = Map.ofEntries(
            Map.entry("hevc", "h265"), Map.entry("h265", "h265"), Map.entry("h264", "h264"), Map.entry("avc", "h264"),
            Map.entry("av1", "av1"), Map.entry("vp9", "vp9"), Map.entry("vp8", "vp8"),
            Map.entry("mpeg2video", "mpeg2"), Map.entry("mpeg1video", "mpeg1"), Map.entry("mpeg4", "mpeg4"),
            Map.entry("vc1", "vc1"), Map.entry("theora", "theora"),
            Map.entry("mjpeg", "mjpeg"), Map.entry("prores", "prores"), Map.entry("h263", "h263"));

    private static final Map<String, String> AUDIO_CODECS = Map.ofEntries(
            Map.entry("aac", "aac"), Map.entry("aac_latm", "aac"), Map.entry("ac3", "ac3"), Map.entry("eac3", "eac3"),
            Map.entry("dts", "dts"), Map.entry("truehd", "truehd"), Map.entry("mlp", "truehd"),
            Map.entry("mp3", "mp3"), Map.entry("mp3float", "mp3"), Map.entry("mp2", "mp2"), Map.entry("mp1", "mp1"),
            Map.entry("flac", "flac"), Map.entry("opus", "opus"), Map.entry("vorbis", "vorbis"),
            Map.entry("alac", "alac"), Map.entry("wmav1", "wma"), Map.entry("wmav2", "wma"),
            Map.entry("wmapro", "wmapro"), Map.entry("wmalossless", "wmalossless"), Map.entry("ape", "ape"),
            Map.entry("wavpack", "wavpack"), Map.entry("dsd_lsbf", "dsd"), Map.entry("dsd_msbf", "dsd"),
            Map.entry("dsd_lsbf_planar", "dsd"), Map.entry("dsd_msbf_planar", "dsd"));

    private static final Pattern PIX_FMT_DEPTH = Pattern.compile("p(\\d{1,2})(?:le|be)?$");
    private static final Pattern PIX_FMT_P0XX = Pattern.compile("^p0(\\d\\d)");
    private static final Pattern PIX_FMT_GRAY = Pattern.compile("^gray(\\d{1,2})");

    private ProbeNormalizer() {
    }

    // ---- codecs -------------------------------------------------------------------------------------------

    /**
     * @param codecName ffprobe's {@code codec_name}
     * @return {@code h264}, {@code h265}, {@code av1}, {@code vp9}, {@code vp8}, {@code mpeg2}, {@code mpeg1},
     *         {@code mpeg4}, {@code vc1}…; the MS MPEG-4 variants ({@code msmpeg4v1..3}, DivX 3) and any other
     *         codec stay as ffprobe names them (lower case); {@code null} for {@code null}/blank
     */
    public static String videoCodec(String codecName) {
        String c = lower(codecName);
        if (c == null) {
            return null;
        }
        return VIDEO_CODECS.getOrDefault(c, c);
    }

    /**
     * @param codecName ffprobe's {@code codec_name}
     * @return {@code aac}, {@code ac3}, {@code eac3}, {@code dts}, {@code truehd}, {@code mp3}, {@code flac},
     *         {@code opus}, {@code vorbis}, {@code pcm} (all {@code pcm_*}), {@code alac}, {@code wma}
     *         ({@code wmav1}/{@code wmav2})…; others as ffprobe names them (lower case)
     */
    public static String audioCodec(String codecName) {
        String c = lower(codecName);
        if (c == null) {
            return null;
        }
        if (c.startsWith("pcm_")) {
            return "pcm";
        }
        if (c.startsWith("adpcm_")) {
            return "adpcm";
        }
        return AUDIO_CODECS.getOrDefault(c, c);
    }

    /** @return ffprobe's subtitle codec name in lower case ({@code subrip}, {@code ass}, {@code mov_text}…) */
    public static String subtitleCodec(String codecName) {
        return lower(codecName);
    }

    // ---- container ----------------------------------------------------------------------------------------

    /**
     * @param formatName ffprobe's {@code format_name}, e.g. {@code matroska,webm} or {@code mov,mp4,m4a,3gp,3g2,mj2}
     * @param fileName   the file's name (only its extension is used), may be {@code null}
     * @return the container: {@code mkv}/{@code webm}/{@code mka}, {@code mp4}/{@code m4a}/{@code m4b}/
     *         {@code mov}/{@code 3gp}/{@code 3g2}, {@code avi}, {@code ts}/{@code m2ts}, {@code mpg}/{@code vob},
     *         {@code mp3}, {@code flac}, {@code ogg}/{@code opus}, {@code wav}, {@code asf}/{@code wmv}/{@code wma},
     *         …; the first name of an unknown format; {@code null} when {@code formatName} is {@code null}
     */
    public static String container(String formatName, String fileName) {
        String f = lower(formatName);
        String ext = extension(fileName);
        if (f == null) {
            return null;
        }
        if (f.startsWith("matroska") || f.equals("webm")) {
            switch (ext) {
                case "webm": return "webm";
                case "mka": return "mka";
                case "mks": return "mks";
                default: return "mkv";
            }
        }
        if (f.startsWith("mov,mp4") || f.equals("mov") || f.equals("mp4") || f.equals("ipod")) {
            switch (ext) {
                case "m4a": return "m4a";
                case "m4b": return "m4b";
                case "mov": case "qt": return "mov";
                case "3gp": return "3gp";
                case "3g2": return "3g2";
                default: return "mp4";
            }
        }
        switch (f) {
            case "mpegts":
                return ext.equals("m2ts") || ext.equals("mts") ? "m2ts" : "ts";
            case "mpeg": case "mpegvideo":
                return ext.equals("vob") ? "vob" : "mpg";
            case "asf":
                return ext.equals("wmv") || ext.equals("wma") ? ext : "asf";
            case "ogg":
                return ext.equals("opus") ? "opus" : "ogg";
            case "wav": case "w64":
                return "wav";
            case "aiff":
                return "aiff";
            case "flv": case "live_flv":
                return "flv";
            case "rm":
                return "rm";
            case "wv":
                return "wv";
            case "aac":
                return ext.equals("aac") || ext.isEmpty() ? "aac" : ext;
            default:
                int comma = f.indexOf(',');
                return comma < 0 ? f : f.substring(0, comma);
        }
    }

    // ---- video --------------------------------------------------------------------------------------------

    /**
     * See the class comment for the rule.
     *
     * @return {@code 4320p}, {@code 2160p}, {@code 1440p}, {@code 1080p}, {@code 720p}, {@code 576p}, {@code 480p},
     *         else {@code <h'>p}; {@code null} when neither dimension is known or positive
     */
    public static String resolutionClass(Integer width, Integer height) {
        int w = width == null ? 0 : Math.max(width, 0);
        int h = height == null ? 0 : Math.max(height, 0);
        if (w == 0 && h == 0) {
            return null;
        }
        int effective;
        if (h == 0) {
            effective = (int) Math.round(w * 9.0 / 16.0);
        } else if (w == 0) {
            effective = h;
        } else {
            int longSide = Math.max(w, h);
            int shortSide = Math.min(w, h);
            effective = Math.max(shortSide, (int) Math.round(longSide * 9.0 / 16.0));
        }
        int[] classes = {4320, 2160, 1440, 1080, 720, 576, 480};
        for (int c : classes) {
            if (effective >= c * 0.9) {
                return c + "p";
            }
        }
        return effective + "p";
    }

    /**
     * @param colorTransfer ffprobe's {@code color_transfer}
     * @param codecTag      ffprobe's {@code codec_tag_string}
     * @param sideDataTypes {@code side_data_type} values of the stream's (and, when read, first frame's) side data
     * @return {@link #DOLBY_VISION}, {@link #HDR10_PLUS}, {@link #HDR10}, {@link #HLG} or {@code null} for SDR
     */
    public static String hdrFormat(String colorTransfer, String codecTag, Collection<String> sideDataTypes) {
        boolean dovi = false;
        boolean hdr10Plus = false;
        if (sideDataTypes != null) {
            for (String type : sideDataTypes) {
                String t = lower(type);
                if (t == null) {
                    continue;
                }
                if (t.contains("dovi") || t.contains("dolby vision")) {
                    dovi = true;
                } else if (t.contains("smpte2094-40") || t.contains("smpte 2094-40") || t.contains("hdr10+")) {
                    hdr10Plus = true;
                }
            }
        }
        String tag = lower(codecTag);
        if (tag != null && (tag.equals("dvh1") || tag.equals("dvhe") || tag.equals("dav1") || tag.equals("dva1")
                || tag.equals("dvav"))) {
            dovi = true;
        }
        if (dovi) {
            return DOLBY_VISION;
        }
        String trc = lower(colorTransfer);
        if ("smpte2084".equals(trc)) {
            return hdr10Plus ? HDR10_PLUS : HDR10;
        }
        if ("arib-std-b67".equals(trc)) {
            return HLG;
        }
        return null;
    }

    /** @return {@code true} when the transfer is PQ (HDR10 candidates worth checking for HDR10+ frame metadata) */
    public static boolean isPq(String colorTransfer) {
        return "smpte2084".equals(lower(colorTransfer));
    }

    /**
     * @param avgFrameRate ffprobe's {@code avg_frame_rate} ({@code 24000/1001})
     * @param rFrameRate   ffprobe's {@code r_frame_rate}
     * @return frames per second rounded to 3 decimals, from the average rate when it is known, else the base
     *         rate; {@code null} when neither is ({@code 0/0})
     */
    public static Double frameRate(String avgFrameRate, String rFrameRate) {
        Double fps = fraction(avgFrameRate);
        if (fps == null || fps <= 0) {
            fps = fraction(rFrameRate);
        }
        if (fps == null || fps <= 0 || fps > 10_000) {
            return null;
        }
        return Math.round(fps * 1000.0) / 1000.0;
    }

    /** @return {@code num/den} or a plain number as a double; {@code null} when unparsable or den is 0 */
    public static Double fraction(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            int slash = v.indexOf('/');
            if (slash < 0) {
                slash = v.indexOf(':');
            }
            if (slash < 0) {
                double d = Double.parseDouble(v);
                return Double.isFinite(d) ? d : null;
            }
            double num = Double.parseDouble(v.substring(0, slash).trim());
            double den = Double.parseDouble(v.substring(slash + 1).trim());
            if (den == 0) {
                return null;
            }
            double d = num / den;
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * @param bitsPerRawSample ffprobe's {@code bits_per_raw_sample}, used when positive
     * @param pixFmt           ffprobe's {@code pix_fmt}: {@code yuv420p10le} → 10, {@code p010le} → 10,
     *                         {@code yuv420p}/{@code nv12} → 8, {@code rgb48le} → 16
     * @return bits per colour component, or {@code null}
     */
    public static Integer bitDepth(Integer bitsPerRawSample, String pixFmt) {
        if (bitsPerRawSample != null && bitsPerRawSample > 0) {
            return bitsPerRawSample;
        }
        String p = lower(pixFmt);
        if (p == null) {
            return null;
        }
        Matcher m = PIX_FMT_P0XX.matcher(p);
        if (m.find()) {
            return Integer.valueOf(m.group(1));
        }
        m = PIX_FMT_GRAY.matcher(p);
        if (m.find()) {
            return Integer.valueOf(m.group(1));
        }
        if (p.startsWith("yuv") || p.startsWith("gbrp") || p.startsWith("gbrap")) {
            m = PIX_FMT_DEPTH.matcher(p);
            if (m.find()) {
                return Integer.valueOf(m.group(1));
            }
            return 8;
        }
        if (p.matches("^(rgb|bgr)(a)?(48|64).*")) {
            return 16;
        }
        if (p.startsWith("nv") || p.startsWith("rgb") || p.startsWith("bgr") || p.startsWith("argb")
                || p.startsWith("abgr") || p.equals("gray") || p.startsWith("uyvy") || p.startsWith("yuyv")
                || p.equals("pal8")) {
            return 8;
        }
        return null;
    }

    // ---- misc ---------------------------------------------------------------------------------------------

    /** @return the ISO 639-2/B code for a stream's {@code language} tag; see {@link LanguageCodes} */
    public static String language(String tag) {
        return LanguageCodes.toIso639_2B(tag);
    }

    /**
     * @param seconds ffprobe's duration text ({@code 1.001000}) or {@code null}
     * @return seconds, or {@code null} when absent, unparsable, negative or not finite
     */
    public static Double duration(String seconds) {
        if (seconds == null || seconds.isBlank() || seconds.equalsIgnoreCase("N/A")) {
            return null;
        }
        try {
            double d = Double.parseDouble(seconds.trim());
            return Double.isFinite(d) && d >= 0 ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * @param raw tags as ffprobe gives them (any key case)
     * @return a new map with lower-case keys and string values, in the given order; for keys equal but for case
     *         the first wins; {@code null} keys and values are dropped
     */
    public static Map<String, String> tags(Map<?, ?> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                continue;
            }
            out.putIfAbsent(e.getKey().toString().toLowerCase(Locale.ROOT), e.getValue().toString());
        }
        return out;
    }

    /** @return the tag with the given name, case-insensitively, or {@code null} */
    public static String tag(Map<?, ?> raw, String name) {
        if (raw == null) {
            return null;
        }
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            if (e.getKey() != null && e.getValue() != null && e.getKey().toString().equalsIgnoreCase(name)) {
                String v = e.getValue().toString();
                return v.isBlank() ? null : v;
            }
        }
        return null;
    }

    /** @return the extension of a file name in lower case without the dot, or {@code ""} */
    public static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        String name = fileName.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String lower(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t.toLowerCase(Locale.ROOT);
    }
}
