package org.omnilux.scanner.music.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnilux.api.probe.ProbeResult;

/**
 * The stream details jaudiotagger gives must be those ffprobe gives (as the core normalises them), since they stand
 * in for a probe: each format is written by ffmpeg and read by both.
 */
class StreamDetailsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
            "a.mp3, libmp3lame, 2, mp3, mp3",
            "b.mp3, libmp3lame, 1, mp3, mp3",
            "c.flac, flac, 2, flac, flac",
            "d.ogg, libvorbis, 2, ogg, vorbis",
            "e.m4a, aac, 2, m4a, aac",
            "f.m4a, alac, 1, m4a, alac",
            "g.m4b, aac, 1, m4b, aac",
            "h.wav, pcm_s16le, 2, wav, pcm",
            "i.aiff, pcm_s16be, 1, aiff, pcm"})
    void jaudiotaggerDescribesTheStreamAsFfprobeDoes(String name, String encoder, int channels, String container,
            String codec) throws Exception {
        Path file = Ffmpeg.tone(dir.resolve(name), 3, List.of("title=T"), "-c:a", encoder, "-ac",
                String.valueOf(channels));

        ProbeResult streams = new TagReader().read(file).streams();
        ProbeResult probed = new FfprobeTestProber().probe(file);

        assertNotNull(streams, name);
        assertEquals(container, streams.container);
        assertEquals(codec, streams.audio.get(0).codec);
        assertEquals(codec, normalised(probed.audio.get(0).codec), "what the core makes of ffprobe's codec");
        assertEquals(probed.audio.get(0).channels, streams.audio.get(0).channels);
        assertEquals(probed.durationSeconds, streams.durationSeconds, 0.05);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"a.wma, wmav2", "b.opus, libopus", "c.mka, flac"})
    void otherFormatsAreLeftToFfprobe(String name, String encoder) throws Exception {
        Path file = Ffmpeg.tone(dir.resolve(name), 1, List.of("title=T"), "-c:a", encoder);

        assertNull(new TagReader().read(file).streams(), name);
    }

    /** The core's normalisation of ffprobe's audio codec names, for the codecs of this test. */
    private static String normalised(String ffprobeCodec) {
        return ffprobeCodec.startsWith("pcm_") ? "pcm" : ffprobeCodec;
    }
}
