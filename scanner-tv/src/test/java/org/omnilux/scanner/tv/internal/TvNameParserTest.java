package org.omnilux.scanner.tv.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TvNameParserTest {

    // fixed, so that the tests mean the same whatever year they run in
    private final TvNameParser parser = new TvNameParser(2027);

    /**
     * Real-world names, as a path below the library root. Columns: path | showTitle | show year | season |
     * episode | episodeEnd | absoluteEpisode | airDate | episodeTitle. An empty cell expects {@code null}.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # Kodi / Jellyfin / Plex / Sonarr folder layout
            Breaking Bad/Season 01/Breaking Bad - S01E02 - Cat's in the Bag.mkv         | Breaking Bad   |      | 1 | 2  |    |     |            | Cat's in the Bag
            Breaking Bad (2008)/Season 1/Breaking Bad - S01E01 - Pilot.mkv              | Breaking Bad   | 2008 | 1 | 1  |    |     |            | Pilot
            Breaking Bad (2008)/Season 01/Breaking Bad (2008) - S01E03 - ...And the Bag's in the River [Bluray-1080p].mkv | Breaking Bad | 2008 | 1 | 3 | | | | ...And the Bag's in the River
            The Office (US)/Season 02/The Office (US) - S02E01 - The Dundies WEBDL-1080p.mkv | The Office (US) | | 2 | 1 |  |     |            | The Dundies
            Lost/Season 1/Lost - s1e2.avi                                               | Lost           |      | 1 | 2  |    |     |            |
            Lost/Season 1/lost.s01e03.mkv                                               | Lost           |      | 1 | 3  |    |     |            |
            Lost/Lost - S02E05 - ...And Found.mkv                                       | Lost           |      | 2 | 5  |    |     |            | ...And Found
            Lost/S03/Lost.S03E01.A.Tale.of.Two.Cities.720p.HDTV.x264.mkv                | Lost           |      | 3 | 1  |    |     |            | A Tale of Two Cities
            Firefly/Season 1/Firefly - 1x02 - The Train Job.mkv                         | Firefly        |      | 1 | 2  |    |     |            | The Train Job
            Firefly/firefly 1x03.avi                                                    | Firefly        |      | 1 | 3  |    |     |            |
            Friends/Season 10/Friends - 10x17-10x18 - The Last One.mkv                  | Friends        |      | 10 | 17 | 18 |    |            | The Last One
            Show/Season 2/Show S02 E04.mkv                                              | Show           |      | 2 | 4  |    |     |            |
            Show/Season 2/Show.S02.E05.mkv                                              | Show           |      | 2 | 5  |    |     |            |
            # multi-episode files
            Show/Season 01/Show - S01E01E02 - Pilot.mkv                                 | Show           |      | 1 | 1  | 2  |     |            | Pilot
            Show/Season 01/Show - S01E01-E03 - Pilot.mkv                                | Show           |      | 1 | 1  | 3  |     |            | Pilot
            Show/Season 01/Show - S01E01-03.mkv                                         | Show           |      | 1 | 1  | 3  |     |            |
            Show/Season 01/show.s01e01e02e03.720p.hdtv.mkv                              | Show           |      | 1 | 1  | 3  |     |            |
            Show/Season 01/Show - S01E05-E04.mkv                                        | Show           |      | 1 | 5  |    |     |            |
            Show/Season 01/Show S01E01 - S01E02 - Two Parts.mkv                         | Show           |      | 1 | 1  | 2  |     |            | Two Parts
            Show/Season 01/Show.S01E01.S01E02.720p.mkv                                  | Show           |      | 1 | 1  | 2  |     |            |
            # specials
            Show/Specials/Show - S00E01 - Christmas Special.mkv                        | Show           |      | 0 | 1  |    |     |            | Christmas Special
            Show/Season 0/Show - E03.mkv                                                | Show           |      | 0 | 3  |    |     |            |
            Show/Season 00/03 - Behind the Music.mkv                                    | Show           |      | 0 | 3  |    |     |            | Behind the Music
            Show/Season Specials/Special One - E01.mkv                                  | Show           |      | 0 | 1  |    |     |            |
            # season folders with episode-only names
            Show/Season 1/E05 - The Fifth.mkv                                           | Show           |      | 1 | 5  |    |     |            | The Fifth
            Show/Season 1/05 - The Fifth.mkv                                            | Show           |      | 1 | 5  |    |     |            | The Fifth
            Show/Season 1/Episode 5.mkv                                                 | Show           |      | 1 | 5  |    |     |            |
            Show/Season 1/Ep. 6 - Six.mp4                                               | Show           |      | 1 | 6  |    |     |            | Six
            Show/S01/07.mkv                                                             | Show           |      | 1 | 7  |    |     |            |
            Show/Series 3/Show - 08.mkv                                                 | Show           |      | 3 | 8  |    |     |            |
            Show/Season 2/Show - 09 - Nine.mkv                                          | Show           |      | 2 | 9  |    |     |            | Nine
            Show/Staffel 2/Folge 3.mkv                                                  | Show           |      | 2 | 3  |    |     |            |
            Show/Saison 1/Épisode 4 - Quatre.mkv                                        | Show           |      | 1 | 4  |    |     |            | Quatre
            Show/Season 1/Episode 01-02.mkv                                             | Show           |      | 1 | 1  | 2  |     |            |
            Show (2010)/Season 3 (2012)/E01.mkv                                         | Show           | 2010 | 3 | 1  |    |     |            |
            Show/E04 - Four.mkv                                                         | Show           |      |   | 4  |    |     |            | Four
            # date-based
            The Daily Show/The Daily Show 2024-01-15.mkv                                | The Daily Show |      |   |    |    |     | 2024-01-15 |
            The Daily Show/The.Daily.Show.2024.01.15.mkv                                | The Daily Show |      |   |    |    |     | 2024-01-15 |
            The Daily Show/Season 2024/The Daily Show - 2024-01-16 - Guest Name.mkv     | The Daily Show |      | 2024 |  |    |     | 2024-01-16 | Guest Name
            the.tonight.show.2023.11.02.jane.doe.720p.web.h264-grp.mkv                  | The Tonight Show |    |   |    |    |     | 2023-11-02 | Jane Doe
            # anime
            Frieren/[SubsPlease] Sousou no Frieren - 12 (1080p) [A1B2C3D4].mkv           | Frieren        |      |   |    |    | 12  |            |
            [Group] Show - 12 [1080p].mkv                                               | Show           |      |   |    |    | 12  |            |
            [Group] Show - 012v2 (BD 1080p) [ABCD1234].mkv                              | Show           |      |   |    |    | 12  |            |
            [Group]_Some_Show_-_07_[720p].mkv                                           | Some Show      |      |   |    |    | 7   |            |
            One Piece/[Erai-raws] One Piece - 1071 [1080p][Multiple Subtitle].mkv       | One Piece      |      |   |    |    | 1071 |           |
            [SubsPlease] Jujutsu Kaisen S2 - 05 (1080p) [F00DCAFE].mkv                  | Jujutsu Kaisen |      | 2 | 5  |    |     |            |
            [Group] Show 2nd Season - 03 [1080p].mkv                                    | Show           |      | 2 | 3  |    |     |            |
            [Group] Show 24 [1080p].mkv                                                 | Show           |      |   |    |    | 24  |            |
            [Group] Show - Episode 13 [1080p].mkv                                       | Show           |      |   |    |    | 13  |            |
            Naruto/Season 1/[Group] Naruto - 015 [DVD].mkv                              | Naruto         |      | 1 |    |    | 15  |            |
            Show/Show - 100.mkv                                                         | Show           |      |   |    |    | 100 |            |
            Show/Season 01/Show - S01E12 - 012 - The Twelfth [Bluray-1080p][10bit].mkv  | Show           |      | 1 | 12 |    | 12  |            | The Twelfth
            Attack on Titan (2013)/[HorribleSubs] Shingeki no Kyojin - S01E05 [720p].mkv | Attack on Titan | 2013 | 1 | 5 |   |     |            |
            # scene style
            show.name.s03e10.720p.hdtv.x264-grp.mkv                                     | Show Name      |      | 3 | 10 |    |     |            |
            Show.Name.S01E02.The.Title.1080p.WEB.h264-GRP.mkv                           | Show Name      |      | 1 | 2  |    |     |            | The Title
            Show.Name.S01E02.REPACK.720p.HDTV.x264-GRP.mkv                              | Show Name      |      | 1 | 2  |    |     |            |
            Show.Name.S01E02-GRP.mkv                                                    | Show Name      |      | 1 | 2  |    |     |            |
            Show_Name_S02E03_HDTV.avi                                                   | Show Name      |      | 2 | 3  |    |     |            |
            Doctor.Who.2005.S01E01.Rose.720p.BluRay.x264.mkv                            | Doctor Who     | 2005 | 1 | 1  |    |     |            | Rose
            S.W.A.T.2017.S01E01.720p.HDTV.mkv                                           | S.W.A.T.       | 2017 | 1 | 1  |    |     |            |
            The.Office.US.S05E14.Stress.Relief.1080p.WEB-DL.mkv                         | The Office US  |      | 5 | 14 |    |     |            | Stress Relief
            Breaking.Bad.S01.1080p.BluRay.x264-GRP/Breaking.Bad.S01E04.1080p.BluRay.x264-GRP.mkv | Breaking Bad | | 1 | 4 |  |    |            |
            Breaking Bad/Breaking.Bad.S02.1080p.BluRay.x264-GRP/breaking.bad.s02e01.mkv | Breaking Bad   |      | 2 | 1  |    |     |            |
            Breaking.Bad.S01.1080p.BluRay.x264-GRP/e05.mkv                              | Breaking Bad   |      | 1 | 5  |    |     |            |
            Show.Name.S01E01.720p.HDTV.x264-GRP/show.name.s01e01.720p.hdtv.x264-grp.mkv | Show Name      |      | 1 | 1  |    |     |            |
            # shows with years or numbers in their name
            Doctor Who (2005)/Season 01/Doctor Who (2005) - S01E01 - Rose.mkv           | Doctor Who     | 2005 | 1 | 1  |    |     |            | Rose
            Doctor Who (2005) [tvdbid-78804]/Season 02/Doctor Who - S02E03.mkv          | Doctor Who     | 2005 | 2 | 3  |    |     |            |
            9-1-1/Season 1/9-1-1 - S01E01 - Pilot.mkv                                   | 9-1-1          |      | 1 | 1  |    |     |            | Pilot
            9-1-1.S02E03.720p.HDTV.mkv                                                  | 9-1-1          |      | 2 | 3  |    |     |            |
            24/Season 1/24 - S01E01 - 12-00 A.M. - 1-00 A.M..mkv                         | 24             |      | 1 | 1  |    |     |            | 12-00 A.M. - 1-00 A.M.
            24.S08E01.mkv                                                               | 24             |      | 8 | 1  |    |     |            |
            1923/Season 1/1923 - S01E01 - 1923.mkv                                      | 1923           |      | 1 | 1  |    |     |            | 1923
            1923.S01E02.mkv                                                             | 1923           |      | 1 | 2  |    |     |            |
            The 100/Season 3/The 100 - S03E01.mkv                                       | The 100        |      | 3 | 1  |    |     |            |
            Space 1999/Season 1/Space 1999 - S01E01 - Breakaway.mkv                     | Space 1999     |      | 1 | 1  |    |     |            | Breakaway
            The 4400/The 4400 - 1x01.mkv                                                | The 4400       |      | 1 | 1  |    |     |            |
            Extras (2005)/Season 1/Extras - S01E01.mkv                                  | Extras         | 2005 | 1 | 1  |    |     |            |
            Extras/Extras - S02E01.mkv                                                  | Extras         |      | 2 | 1  |    |     |            |
            # show title from the show folder when the file name lacks it
            Mr. Robot/Season 1/S01E01 - eps1.0_hellofriend.mov.mkv                       | Mr. Robot      |      | 1 | 1  |    |     |            | eps1.0_hellofriend.mov
            Mr. Robot/Season 1/s01e02.mkv                                               | Mr. Robot      |      | 1 | 2  |    |     |            |
            Amélie's Show/Season 1/1x01.mkv                                             | Amélie's Show  |      | 1 | 1  |    |     |            |
            Sherlock/Series 2/E01 - A Scandal in Belgravia.mkv                          | Sherlock       |      | 2 | 1  |    |     |            | A Scandal in Belgravia
            # shows in the root, files in the root
            Season 1/Show - S01E01.mkv                                                  | Show           |      | 1 | 1  |    |     |            |
            Season 1/E02.mkv                                                            |                |      | 1 | 2  |    |     |            |
            Show - S01E01.mkv                                                           | Show           |      | 1 | 1  |    |     |            |
            S01E01.mkv                                                                  |                |      | 1 | 1  |    |     |            |
            Planet Earth/Planet Earth - Jungles.mkv                                     | Planet Earth   |      |   |    |    |     |            |
            """)
    void parsesRealWorldNames(String path, String showTitle, Integer showYear, Integer season, Integer episode,
            Integer episodeEnd, Integer absoluteEpisode, String airDate, String episodeTitle) {
        ParsedEpisode parsed = parser.parse(path).orElseThrow(() -> new AssertionError("not an episode: " + path));

        assertAll(path,
                () -> assertEquals(showTitle, parsed.showTitle(), "showTitle"),
                () -> assertEquals(showYear, parsed.showYear(), "showYear"),
                () -> assertEquals(season, parsed.season(), "season"),
                () -> assertEquals(episode, parsed.episode(), "episode"),
                () -> assertEquals(episodeEnd, parsed.episodeEnd(), "episodeEnd"),
                () -> assertEquals(absoluteEpisode, parsed.absoluteEpisode(), "absoluteEpisode"),
                () -> assertEquals(airDate == null ? null : LocalDate.parse(airDate), parsed.airDate(), "airDate"),
                () -> assertEquals(episodeTitle, parsed.episodeTitle(), "episodeTitle"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Show/Extras/Making of.mkv",
            "Show/extras/Show - S01E01 - Deleted Scene.mkv",
            "Show/Featurettes/Cast Interview.mp4",
            "Show/Season 1/Behind the Scenes/Day One.mkv",
            "Show/Behind The Scenes/Show - S01E01.mkv",
            "Show/Deleted Scenes/Scene 4.mkv",
            "Show/Season 1/Show - S01E01-sample.mkv",
            "Show/Season 1/show.s01e01.720p.hdtv.x264-grp.sample.mkv",
            "Show.S01E01.720p.HDTV.x264-GRP/Sample/show.s01e01.720p-sample.mkv",
            "Show.S01E01.720p.HDTV.x264-GRP/sample/grp-show-s01e01.mkv",
            "Show/Season 1/sample.mkv",
            "Show/Season 1/sample-show.s01e01.mkv",
            "Show/Show - S01E01-trailer.mp4",
            "Show/Trailers/Season One Trailer.mkv",
            "Show/Season 1/Show - S01E01-featurette.mkv",
            "Show/Season 1/Show - S01E01-behindthescenes.mkv",
            "Extras/Making of.mkv",
    })
    void extrasAndSamplesAreNotEpisodes(String path) {
        assertEquals(Optional.empty(), parser.parse(path));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Season 1            | 1
            Season 01           | 1
            season 10           | 10
            Season 00           | 0
            Season 0            | 0
            Specials            | 0
            Special             | 0
            S01                 | 1
            s2                  | 2
            Series 3            | 3
            Saison 4            | 4
            Staffel 5           | 5
            Temporada 6         | 6
            Season 2024         | 2024
            Season 1 (2008)     | 1
            Season.01           | 1
            Breaking.Bad.S01.1080p.BluRay.x264-GRP | 1
            Show Name - Season 2 | 2
            """)
    void recognisesSeasonFolders(String folder, int season) {
        assertEquals(season, TvNameParser.seasonOfFolder(folder));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Breaking Bad", "Doctor Who (2005)", "9-1-1", "24", "Seasons", "Season of the Witch",
            "Show.S01E01.720p.HDTV-GRP", "Extras", "Series", "The 100", "S.W.A.T."})
    void otherFoldersAreNotSeasonFolders(String folder) {
        assertNull(TvNameParser.seasonOfFolder(folder));
    }

    @Test
    void findsTheSeasonAndShowFolders() {
        Path root = Path.of("/tv");

        assertEquals(new EpisodeFolders(Path.of("/tv/Show/Season 1"), Path.of("/tv/Show")),
                TvNameParser.folders(Path.of("/tv/Show/Season 1/Show - S01E01.mkv"), root));
        assertEquals(new EpisodeFolders(null, Path.of("/tv/Show")),
                TvNameParser.folders(Path.of("/tv/Show/Show - S01E01.mkv"), root));
        assertEquals(new EpisodeFolders(Path.of("/tv/Season 1"), null),
                TvNameParser.folders(Path.of("/tv/Season 1/Show - S01E01.mkv"), root), "the root is never a show");
        assertEquals(new EpisodeFolders(null, null), TvNameParser.folders(Path.of("/tv/Show - S01E01.mkv"), root));
        assertTrue(TvNameParser.folders(Path.of("/tv/Show/x.mkv"), root).showFolderIsParentOf(Path.of("/tv/Show/x.mkv")));
    }

    @Test
    void parsesAbsolutePaths() {
        ParsedEpisode parsed = parser.parse(Path.of("/media/tv/Lost/Season 1/Lost - S01E02.mkv"), Path.of("/media/tv"))
                .orElseThrow();

        assertEquals(new ParsedEpisode("Lost", null, 1, 2, null, null, null, null), parsed);
        assertEquals(Optional.empty(), parser.parse(Path.of("/media/tv/Lost/Extras/Lost - S01E02.mkv"),
                Path.of("/media/tv")));
    }

    @Test
    void datesAfterTheLatestYearAreNotAirDates() {
        ParsedEpisode parsed = parser.parse("Show/Show 2031-01-15.mkv").orElseThrow();

        assertNull(parsed.airDate());
        assertEquals("Show", parsed.showTitle());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", ".mkv", "-.mkv", "[].mkv", "[Group].mkv", "()()().mkv", "S.mkv", "SE.mkv",
            "Season 1/.mkv", "Show/Season 1/ - .mkv", "x/y/z/w/v.mkv", "Show/S99999E99999.mkv",
            "Show/Show - S01E01-E99999999999.mkv", "[[[[.mkv", "Show/Season 1/999999999999.mkv", "the.daily.show.2024.02.30.mkv", "Show/Show - S01E00-E00.mkv"})
    void malformedNamesNeverFail(String path) {
        // whatever the name, the parser answers: a malformed name is still a file of the library
        Optional<ParsedEpisode> parsed = parser.parse(path.isEmpty() ? "x" : path);
        assertTrue(parsed.isPresent(), path);
    }
}
