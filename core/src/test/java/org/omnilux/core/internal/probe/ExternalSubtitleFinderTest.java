package org.omnilux.core.internal.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnilux.api.scanner.ExternalSubtitle;

class ExternalSubtitleFinderTest {

    private static final Path DIR = Path.of("/media/movies/Heat (1995)").toAbsolutePath();
    private static final Path VIDEO = DIR.resolve("Heat (1995).mkv");

    /** One sibling → what is found (language or "-" for null, format, forced, sdh). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Heat (1995).srt,                 -,     srt, false, false",
            "Heat (1995).en.srt,              eng,   srt, false, false",
            "Heat (1995).eng.srt,             eng,   srt, false, false",
            "Heat (1995).eng.forced.srt,      eng,   srt, true,  false",
            "Heat (1995).forced.eng.srt,      eng,   srt, true,  false",
            "Heat (1995).de.sdh.srt,          ger,   srt, false, true",
            "Heat (1995).ger.cc.srt,          ger,   srt, false, true",
            "Heat (1995).fr.hi.srt,           fre,   srt, false, true",
            "Heat (1995).English.srt,         eng,   srt, false, false",
            "Heat (1995).german.forced.ass,   ger,   ass, true,  false",
            "Heat (1995).pt-BR.srt,           por,   srt, false, false",
            "Heat (1995).en.default.srt,      eng,   srt, false, false",
            "Heat (1995).default.srt,         -,     srt, false, false",
            "Heat (1995).und.srt,             -,     srt, false, false",
            "Heat (1995).forced.srt,          -,     srt, true,  false",
            "Heat (1995).sdh.srt,             -,     srt, false, true",
            "Heat (1995).foreign.en.srt,      eng,   srt, true,  false",
            "Heat (1995).zh.ssa,              chi,   ssa, false, false",
            "Heat (1995).nl.vtt,              dut,   vtt, false, false",
            "Heat (1995).en.sub,              eng,   sub, false, false",
            "Heat (1995).en.sup,              eng,   sup, false, false",
            "HEAT (1995).EN.FORCED.SRT,       eng,   srt, true,  false",
            "heat (1995).En.Srt,              eng,   srt, false, false",
            "Heat (1995).Director Commentary.srt, director commentary, srt, false, false",
            "Heat (1995).xx.srt,              xx,    srt, false, false",
            "Heat (1995).Klingon.en.srt,      eng,   srt, false, false",
            "Heat (1995).Klingon.sdh.srt,     klingon, srt, false, true",
    })
    void parsesNames(String name, String language, String format, boolean forced, boolean sdh) {
        List<ExternalSubtitle> found = ExternalSubtitleFinder.find(VIDEO, List.of(VIDEO, DIR.resolve(name)));
        assertEquals(1, found.size(), () -> "found " + found);
        ExternalSubtitle s = found.get(0);
        assertEquals(DIR.resolve(name).toString(), s.path);
        assertEquals("-".equals(language) ? null : language, s.language);
        assertEquals(format, s.format);
        assertEquals(forced, s.forced, "forced");
        assertEquals(sdh, s.sdh, "sdh");
    }

    @ParameterizedTest(name = "{0} is not a subtitle of the video")
    @CsvSource({
            "Heat (1995).idx",
            "Heat (1995).nfo",
            "Heat (1995).en.txt",
            "Heat (1995)-poster.jpg",
            "Heat.srt",
            "Heat (1995)x.en.srt",
            "Other Film.en.srt",
            "Heat (1995).mkv",
            "Heat (1995).srt.bak",
            "Heat (1995)",
    })
    void ignoresOtherFiles(String name) {
        assertTrue(ExternalSubtitleFinder.find(VIDEO, List.of(VIDEO, DIR.resolve(name))).isEmpty());
    }

    @Test
    void listsAllInSiblingOrderAndKeepsIdxOut() {
        List<Path> siblings = new ArrayList<>();
        for (String n : List.of("Heat (1995).de.sdh.srt", "Heat (1995).en.idx", "Heat (1995).en.sub",
                "Heat (1995).eng.forced.srt", "Heat (1995).mkv", "Heat (1995).nfo", "Heat (1995).srt")) {
            siblings.add(DIR.resolve(n));
        }
        List<String> names = ExternalSubtitleFinder.find(VIDEO, siblings).stream()
                .map(s -> Path.of(s.path).getFileName().toString())
                .collect(Collectors.toList());
        assertEquals(List.of("Heat (1995).de.sdh.srt", "Heat (1995).en.sub", "Heat (1995).eng.forced.srt",
                "Heat (1995).srt"), names);
    }

    @Test
    void subtitleOfALongerNamedVideoBelongsToThatVideo() {
        Path theatrical = DIR.resolve("Heat.1995.mkv");
        Path extended = DIR.resolve("Heat.1995.Extended.mkv");
        Path extSub = DIR.resolve("Heat.1995.Extended.en.srt");
        Path plainSub = DIR.resolve("Heat.1995.en.srt");
        List<Path> siblings = List.of(extSub, extended, plainSub, theatrical);

        List<ExternalSubtitle> forTheatrical = ExternalSubtitleFinder.find(theatrical, siblings);
        assertEquals(1, forTheatrical.size());
        assertEquals(plainSub.toString(), forTheatrical.get(0).path);

        List<ExternalSubtitle> forExtended = ExternalSubtitleFinder.find(extended, siblings);
        assertEquals(1, forExtended.size());
        assertEquals(extSub.toString(), forExtended.get(0).path);
        assertEquals("eng", forExtended.get(0).language);
    }

    @Test
    void degenerateInput() {
        assertTrue(ExternalSubtitleFinder.find(VIDEO, List.of()).isEmpty());
        assertTrue(ExternalSubtitleFinder.find(VIDEO, null).isEmpty());
        assertTrue(ExternalSubtitleFinder.find(null, List.of(DIR.resolve("Heat (1995).srt"))).isEmpty());
    }

    @Test
    void videoWithoutExtensionAndDottedNames() {
        Path video = DIR.resolve("The.Matrix.1999.1080p.BluRay.x264.mkv");
        List<ExternalSubtitle> found = ExternalSubtitleFinder.find(video,
                List.of(DIR.resolve("The.Matrix.1999.1080p.BluRay.x264.spa.forced.srt")));
        assertEquals(1, found.size());
        assertEquals("spa", found.get(0).language);
        assertTrue(found.get(0).forced);
        assertNull(ExternalSubtitleFinder.find(video, List.of(DIR.resolve("The.Matrix.1999.srt"))).stream()
                .findFirst().orElse(null));
    }
}
