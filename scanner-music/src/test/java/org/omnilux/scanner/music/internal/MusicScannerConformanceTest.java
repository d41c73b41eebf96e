package org.omnilux.scanner.music.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.scanner.testkit.ScannerConformanceTest;
import org.omnilux.scanner.testkit.TestProbers;

/** The SPI contract checks of the conformance test kit, run against the shipped music scanner. */
class MusicScannerConformanceTest extends ScannerConformanceTest {

    private static final String ALBUM = "Daft Punk/Discovery (2001)";

    private static List<Path> samples;

    @Override
    protected MediaScanner scanner() {
        return new MusicScanner();
    }

    /**
     * The real ffprobe for the files in the samples' album folder (a WMA file's streams come from it); the kit's
     * own files stay unprobed, as by default: ffprobe would take minutes over its 4 GiB and malformed ones.
     */
    @Override
    protected MediaProber prober() {
        MediaProber ffprobe = new FfprobeTestProber();
        MediaProber none = TestProbers.notProbed();
        Path album = root.resolve(ALBUM).toAbsolutePath();
        return file -> (album.equals(file.toAbsolutePath().getParent()) ? ffprobe : none).probe(file);
    }

    /**
     * Real files from ffmpeg of the formats that only jaudiotagger's generic reader opens: WMA (tags by jaudiotagger,
     * streams by the prober), WAV and AIFF (both by jaudiotagger). Made once, copied for each check.
     */
    @BeforeAll
    static void writeSamples(@TempDir Path dir) throws Exception {
        samples = List.of(
                Ffmpeg.tone(dir.resolve("01 - One More Time.wma"), 1, MusicScannerTest.FULL_TAGS, "-c:a", "wmav2"),
                Ffmpeg.tone(dir.resolve("02 - Aerodynamic.wav"), 1, MusicScannerTest.FULL_TAGS),
                Ffmpeg.tone(dir.resolve("03 - Digital Love.aiff"), 1, MusicScannerTest.FULL_TAGS, "-write_id3v2",
                        "1"));
    }

    @Override
    protected List<Path> sampleFiles(Path dir) throws Exception {
        Path album = Files.createDirectories(dir.resolve(ALBUM));
        List<Path> copies = new ArrayList<>();
        for (Path sample : samples) {
            copies.add(Files.copy(sample, album.resolve(sample.getFileName())));
        }
        return copies;
    }
}
