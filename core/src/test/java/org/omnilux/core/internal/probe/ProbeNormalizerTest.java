package org.omnilux.core.internal.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbeNormalizerTest {

    @ParameterizedTest(name = "video {0} -> {1}")
    @CsvSource({
            "hevc, h265", "HEVC, h265", "h264, h264", "av1, av1", "vp9, vp9", "vp8, vp8",
            "mpeg2video, mpeg2", "mpeg1video, mpeg1", "mpeg4, mpeg4", "msmpeg4v3, msmpeg4v3", "vc1, vc1",
            "wmv3, wmv3", "theora, theora", "prores, prores", "somethingnew, somethingnew",
    })
    void videoCodecs(String in, String expected) {
        assertEquals(expected, ProbeNormalizer.videoCodec(in));
    }

    @ParameterizedTest(name = "audio {0} -> {1}")
    @CsvSource({
            "aac, aac", "aac_latm, aac", "ac3, ac3", "eac3, eac3", "dts, dts", "truehd, truehd", "mp3, mp3",
            "flac, flac", "opus, opus", "vorbis, vorbis", "pcm_s16le, pcm", "pcm_s24be, pcm", "pcm_f32le, pcm",
            "alac, alac", "wmav2, wma", "wmav1, wma", "wmapro, wmapro", "mp2, mp2", "adpcm_ms, adpcm",
            "dsd_lsbf_planar, dsd", "ape, ape", "wavpack, wavpack",
    })
    void audioCodecs(String in, String expected) {
        assertEquals(expected, ProbeNormalizer.audioCodec(in));
    }

    @Test
    void nullCodecs() {
        assertNull(ProbeNormalizer.videoCodec(null));
        assertNull(ProbeNormalizer.audioCodec(" "));
        assertNull(ProbeNormalizer.subtitleCodec(null));
        assertEquals("subrip", ProbeNormalizer.subtitleCodec("subrip"));
        assertEquals("hdmv_pgs_subtitle", ProbeNormalizer.subtitleCodec("hdmv_pgs_subtitle"));
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "'matroska,webm', Movie.mkv, mkv",
            "'matroska,webm', Movie.MKV, mkv",
            "'matroska,webm', clip.webm, webm",
            "'matroska,webm', song.mka, mka",
            "'matroska,webm', wrongly-named.mp4, mkv",
            "'matroska,webm', noext, mkv",
            "'mov,mp4,m4a,3gp,3g2,mj2', Movie.mp4, mp4",
            "'mov,mp4,m4a,3gp,3g2,mj2', Movie.m4v, mp4",
            "'mov,mp4,m4a,3gp,3g2,mj2', song.m4a, m4a",
            "'mov,mp4,m4a,3gp,3g2,mj2', book.M4B, m4b",
            "'mov,mp4,m4a,3gp,3g2,mj2', clip.mov, mov",
            "'mov,mp4,m4a,3gp,3g2,mj2', phone.3gp, 3gp",
            "'mov,mp4,m4a,3gp,3g2,mj2', misnamed.avi, mp4",
            "avi, Movie.avi, avi",
            "mpegts, rec.ts, ts",
            "mpegts, 00001.m2ts, m2ts",
            "mpeg, film.mpg, mpg",
            "mpeg, VTS_01_1.VOB, vob",
            "mp3, song.mp3, mp3",
            "flac, song.flac, flac",
            "ogg, song.ogg, ogg",
            "ogg, song.opus, opus",
            "wav, a.wav, wav",
            "asf, a.wmv, wmv",
            "asf, a.wma, wma",
            "asf, a.asf, asf",
            "flv, a.flv, flv",
            "aiff, a.aif, aiff",
            "'image2,foo', a.jpg, image2",
    })
    void containers(String formatName, String fileName, String expected) {
        assertEquals(expected, ProbeNormalizer.container(formatName, fileName));
    }

    @Test
    void containerWithoutFormatIsNull() {
        assertNull(ProbeNormalizer.container(null, "a.mkv"));
        assertEquals("mkv", ProbeNormalizer.container("matroska,webm", null));
    }

    @ParameterizedTest(name = "{0}x{1} -> {2}")
    @CsvSource({
            "3840, 2160, 2160p", "4096, 2160, 2160p", "3840, 1600, 2160p", "3996, 2160, 2160p", "3840, 1608, 2160p",
            "7680, 4320, 4320p",
            "2560, 1440, 1440p", "2560, 1080, 1440p",
            "1920, 1080, 1080p", "1920, 1088, 1080p", "1920, 1072, 1080p", "1920, 800, 1080p", "1920, 1040, 1080p",
            "1440, 1080, 1080p", "1920, 1200, 1080p", "1080, 1920, 1080p", "1728, 1080, 1080p",
            "1280, 720, 720p", "1280, 536, 720p", "1280, 544, 720p", "1280, 960, 720p", "1024, 768, 720p",
            "720, 1280, 720p",
            "1024, 576, 576p", "720, 576, 576p", "704, 576, 576p", "960, 540, 576p",
            "720, 480, 480p", "854, 480, 480p", "640, 480, 480p", "720, 432, 480p",
            "640, 360, 360p", "640, 272, 360p", "480, 360, 360p", "320, 240, 240p", "64, 64, 64p", "176, 144, 144p",
    })
    void resolutionClasses(int width, int height, String expected) {
        assertEquals(expected, ProbeNormalizer.resolutionClass(width, height));
    }

    @Test
    void resolutionClassWithMissingDimensions() {
        assertNull(ProbeNormalizer.resolutionClass(null, null));
        assertNull(ProbeNormalizer.resolutionClass(0, 0));
        assertEquals("1080p", ProbeNormalizer.resolutionClass(null, 1080));
        assertEquals("1080p", ProbeNormalizer.resolutionClass(1920, null));
        assertEquals("720p", ProbeNormalizer.resolutionClass(0, 720));
    }

    @Test
    void hdrFormats() {
        assertNull(ProbeNormalizer.hdrFormat(null, null, null));
        assertNull(ProbeNormalizer.hdrFormat("bt709", "avc1", List.of()));
        assertNull(ProbeNormalizer.hdrFormat("unknown", null, List.of("Mastering display metadata")));
        assertEquals("HDR10", ProbeNormalizer.hdrFormat("smpte2084", null, null));
        assertEquals("HDR10", ProbeNormalizer.hdrFormat("smpte2084", "hev1",
                List.of("Mastering display metadata", "Content light level metadata")));
        assertEquals("HDR10+", ProbeNormalizer.hdrFormat("smpte2084", null,
                List.of("Mastering display metadata", "HDR Dynamic Metadata SMPTE2094-40 (HDR10+)")));
        assertEquals("HDR10+", ProbeNormalizer.hdrFormat("SMPTE2084", null,
                List.of("HDR Dynamic Metadata SMPTE2094-40")));
        assertEquals("HLG", ProbeNormalizer.hdrFormat("arib-std-b67", null, List.of()));
        // HDR10+ metadata without PQ is not HDR10+
        assertNull(ProbeNormalizer.hdrFormat("bt709", null, List.of("HDR Dynamic Metadata SMPTE2094-40")));
        assertEquals("Dolby Vision", ProbeNormalizer.hdrFormat("smpte2084", "hvc1",
                List.of("DOVI configuration record")));
        assertEquals("Dolby Vision", ProbeNormalizer.hdrFormat(null, null, List.of("DOVI configuration record")));
        assertEquals("Dolby Vision", ProbeNormalizer.hdrFormat("arib-std-b67", null,
                List.of("DOVI configuration record")));
        for (String tag : Arrays.asList("dvh1", "dvhe", "dav1", "DVH1", "dva1", "dvav")) {
            assertEquals("Dolby Vision", ProbeNormalizer.hdrFormat(null, tag, null), tag);
        }
        assertTrue(ProbeNormalizer.isPq("smpte2084"));
        assertFalse(ProbeNormalizer.isPq("arib-std-b67"));
    }

    @Test
    void frameRates() {
        assertEquals(23.976, ProbeNormalizer.frameRate("24000/1001", "24000/1001"));
        assertEquals(25.0, ProbeNormalizer.frameRate("25/1", "50/1"));
        assertEquals(29.97, ProbeNormalizer.frameRate("30000/1001", null));
        assertEquals(59.94, ProbeNormalizer.frameRate("0/0", "60000/1001"));
        assertEquals(24.0, ProbeNormalizer.frameRate(null, "24"));
        assertNull(ProbeNormalizer.frameRate("0/0", "0/0"));
        assertNull(ProbeNormalizer.frameRate(null, null));
        assertNull(ProbeNormalizer.frameRate("abc", "1/0"));
        assertNull(ProbeNormalizer.fraction("1/0"));
        assertEquals(0.5, ProbeNormalizer.fraction("1/2"));
    }

    @Test
    void bitDepths() {
        assertEquals(8, ProbeNormalizer.bitDepth(8, "yuv420p10le"), "bits_per_raw_sample wins");
        assertEquals(10, ProbeNormalizer.bitDepth(null, "yuv420p10le"));
        assertEquals(10, ProbeNormalizer.bitDepth(0, "yuv420p10le"));
        assertEquals(12, ProbeNormalizer.bitDepth(null, "yuv444p12be"));
        assertEquals(10, ProbeNormalizer.bitDepth(null, "p010le"));
        assertEquals(10, ProbeNormalizer.bitDepth(null, "gray10le"));
        assertEquals(8, ProbeNormalizer.bitDepth(null, "yuv420p"));
        assertEquals(8, ProbeNormalizer.bitDepth(null, "yuvj420p"));
        assertEquals(8, ProbeNormalizer.bitDepth(null, "nv12"));
        assertEquals(8, ProbeNormalizer.bitDepth(null, "rgb24"));
        assertEquals(16, ProbeNormalizer.bitDepth(null, "rgb48le"));
        assertEquals(10, ProbeNormalizer.bitDepth(null, "gbrp10le"));
        assertNull(ProbeNormalizer.bitDepth(null, null));
        assertNull(ProbeNormalizer.bitDepth(null, "weird"));
    }

    @Test
    void languagesDurationsAndTags() {
        assertEquals("eng", ProbeNormalizer.language("en"));
        assertEquals("ger", ProbeNormalizer.language("deu"));
        assertNull(ProbeNormalizer.language("und"));
        assertEquals("xyz", ProbeNormalizer.language("xyz"));

        assertEquals(1.001, ProbeNormalizer.duration("1.001000"));
        assertNull(ProbeNormalizer.duration("N/A"));
        assertNull(ProbeNormalizer.duration(null));
        assertNull(ProbeNormalizer.duration("-1"));

        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("TITLE", "A Film");
        raw.put("Artist", "Someone");
        raw.put("title", "ignored duplicate");
        raw.put("track", 3);
        raw.put("empty", null);
        Map<String, String> tags = ProbeNormalizer.tags(raw);
        assertEquals(List.of("title", "artist", "track"), List.copyOf(tags.keySet()));
        assertEquals("A Film", tags.get("title"));
        assertEquals("3", tags.get("track"));
        assertEquals("A Film", ProbeNormalizer.tag(raw, "title"));
        assertNull(ProbeNormalizer.tag(raw, "missing"));
        assertTrue(ProbeNormalizer.tags(null).isEmpty());
    }

    @Test
    void extensions() {
        assertEquals("mkv", ProbeNormalizer.extension("/a/b/Movie.2010.MKV"));
        assertEquals("", ProbeNormalizer.extension("README"));
        assertEquals("", ProbeNormalizer.extension(".hidden"));
        assertEquals("", ProbeNormalizer.extension("trailing."));
        assertEquals("", ProbeNormalizer.extension(null));
    }
}
