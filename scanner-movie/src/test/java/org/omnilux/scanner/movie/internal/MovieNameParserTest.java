package org.omnilux.scanner.movie.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MovieNameParserTest {

    // fixed, so that "2049" stays a title word whatever year the tests run in
    private final MovieNameParser parser = new MovieNameParser(2027);

    /**
     * Real-world names. Columns: file | folder (empty: the file is in the library root) | title | year |
     * edition | tmdbId | imdbId | part. An empty cell expects {@code null}.
     */
    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # Kodi / Jellyfin / Plex folder layout
            Inception (2010).mkv                                   | Inception (2010)        | Inception                      | 2010 |                  |        |           |
            The Matrix (1999).mp4                                  | The Matrix (1999)       | The Matrix                     | 1999 |                  |        |           |
            Inception.mkv                                          | Inception (2010)        | Inception                      | 2010 |                  |        |           |
            movie.mkv                                              | Heat (1995)             | Heat                           | 1995 |                  |        |           |
            Mr. Nobody (2009).mkv                                  |                         | Mr. Nobody                     | 2009 |                  |        |           |
            Alien.avi                                              |                         | Alien                          |      |                  |        |           |
            # titles that hold numbers or years
            2001 A Space Odyssey (1968).mkv                        | 2001 A Space Odyssey (1968) | 2001 A Space Odyssey       | 1968 |                  |        |           |
            Blade Runner 2049 (2017).mkv                           | Blade Runner 2049 (2017) | Blade Runner 2049             | 2017 |                  |        |           |
            1917 (2019).mkv                                        | 1917 (2019)             | 1917                           | 2019 |                  |        |           |
            1917.mkv                                               | 1917 (2019)             | 1917                           | 2019 |                  |        |           |
            2012 (2009).mkv                                        |                         | 2012                           | 2009 |                  |        |           |
            Blade Runner 2049.mkv                                  |                         | Blade Runner 2049              |      |                  |        |           |
            Fahrenheit 451 (1966).mkv                              |                         | Fahrenheit 451                 | 1966 |                  |        |           |
            Ocean's Eleven (2001).mkv                              |                         | Ocean's Eleven                 | 2001 |                  |        |           |
            # non-ASCII titles
            Amélie (2001).mkv                                      | Amélie (2001)           | Amélie                         | 2001 |                  |        |           |
            千と千尋の神隠し (2001).mkv                               | 千と千尋の神隠し (2001)     | 千と千尋の神隠し                  | 2001 |                  |        |           |
            Léon.1994.1080p.BluRay.x264-GRP.mkv                    |                         | Léon                           | 1994 |                  |        |           |
            amelie.mkv                                             | Amélie (2001)           | Amélie                         | 2001 |                  |        |           |
            Брат (1997).mkv                                        |                         | Брат                           | 1997 |                  |        |           |
            # scene style
            Inception.2010.1080p.BluRay.x264-SPARKS.mkv            |                         | Inception                      | 2010 |                  |        |           |
            The.Dark.Knight.2008.2160p.UHD.BluRay.REMUX.HDR.HEVC.Atmos-EPSiLON.mkv | | The Dark Knight           | 2008 |                  |        |           |
            Blade.Runner.2049.2017.1080p.WEB-DL.DD5.1.H264-FGT.mkv |                         | Blade Runner 2049              | 2017 |                  |        |           |
            2001.A.Space.Odyssey.1968.720p.BRRip.x264.mkv          |                         | 2001 A Space Odyssey           | 1968 |                  |        |           |
            Wonder.Woman.1984.2020.1080p.WEBRip.x265-RARBG.mp4     |                         | Wonder Woman 1984              | 2020 |                  |        |           |
            The_Big_Lebowski_1998_720p.mkv                         |                         | The Big Lebowski               | 1998 |                  |        |           |
            E.T.the.Extra-Terrestrial.1982.1080p.BluRay.mkv        |                         | E.T. the Extra-Terrestrial     | 1982 |                  |        |           |
            Spider-Man.No.Way.Home.2021.1080p.WEBRip.mkv           |                         | Spider-Man No Way Home         | 2021 |                  |        |           |
            The.Thing.1982.REMASTERED.1080p.BluRay.x264-GRP.mkv    |                         | The Thing                      | 1982 | Remastered       |        |           |
            Alien.1979.Directors.Cut.1080p.BluRay.x264.mkv         |                         | Alien                          | 1979 | Director's Cut   |        |           |
            Aliens.1986.Special.Edition.720p.BluRay.mkv            |                         | Aliens                         | 1986 | Special Edition  |        |           |
            Some.Movie.1080p.BluRay.x264-GRP.mkv                   |                         | Some Movie                     |      |                  |        |           |
            grp-inception1080p.mkv                                 | Inception.2010.1080p.BluRay.x264-GRP | Inception         | 2010 |                  |        |           |
            Avengers.Endgame.2019.IMAX.2160p.WEB-DL.DDP5.1.Atmos.HDR.HEVC-GRP.mkv | | Avengers Endgame                 | 2019 | IMAX             |        |           |
            The.Lord.of.the.Rings.The.Fellowship.of.the.Ring.2001.EXTENDED.1080p.BluRay.x264.mkv | | The Lord of the Rings The Fellowship of the Ring | 2001 | Extended | | |
            Dune.Part.Two.2024.2160p.WEB-DL.mkv                    |                         | Dune Part Two                  | 2024 |                  |        |           |
            S.W.A.T.2003.1080p.BluRay.mkv                          |                         | S.W.A.T.                       | 2003 |                  |        |           |
            Rocky.II.1979.DVDRip.mkv                               |                         | Rocky II                       | 1979 |                  |        |           |
            Interstellar.2014.mkv                                  | Interstellar (2014)     | Interstellar                   | 2014 |                  |        |           |
            # titles that look like release tags only to a careless parser
            Charlotte's Web.mkv                                    |                         | Charlotte's Web                |      |                  |        |           |
            Se7en (1995).mkv                                       |                         | Se7en                          | 1995 |                  |        |           |
            The Good, the Bad and the Ugly (1966).mkv              |                         | The Good, the Bad and the Ugly | 1966 |                  |        |           |
            Jaws.mkv                                               | Movies                  | Jaws                           |      |                  |        |           |
            # bracketed tags
            Inception (2010) [1080p].mkv                           |                         | Inception                      | 2010 |                  |        |           |
            Inception (2010) [BluRay] [1080p] [x265].mkv           |                         | Inception                      | 2010 |                  |        |           |
            [YTS.MX] The Matrix (1999) [1080p].mp4                 |                         | The Matrix                     | 1999 |                  |        |           |
            Inception (2010) - 1080p.mkv                           |                         | Inception                      | 2010 |                  |        |           |
            [REC] (2007).mkv                                       |                         | [REC]                          | 2007 |                  |        |           |
            # editions
            Blade Runner (1982) {edition-Final Cut}.mkv            | Blade Runner (1982)     | Blade Runner                   | 1982 | Final Cut        |        |           |
            Alien (1979) {edition-Director's Cut}.mkv              |                         | Alien                          | 1979 | Director's Cut   |        |           |
            Alien (1979) - Director's Cut.mkv                      |                         | Alien                          | 1979 | Director's Cut   |        |           |
            The Lord of the Rings (2001) Extended Edition.mkv      |                         | The Lord of the Rings          | 2001 | Extended Edition |        |           |
            Watchmen (2009) Extended.mkv                           |                         | Watchmen                       | 2009 | Extended         |        |           |
            Anchorman (2004) [Unrated].mkv                         |                         | Anchorman                      | 2004 | Unrated          |        |           |
            Apocalypse Now (1979) (Theatrical).mkv                 |                         | Apocalypse Now                 | 1979 | Theatrical       |        |           |
            Jurassic Park (1993) Remastered.mkv                    |                         | Jurassic Park                  | 1993 | Remastered       |        |           |
            Tenet (2020) IMAX.mkv                                  |                         | Tenet                          | 2020 | IMAX             |        |           |
            Blade Runner (Final Cut) (1982).mkv                    |                         | Blade Runner                   | 1982 | Final Cut        |        |           |
            The Final Cut (2004).mkv                               |                         | The Final Cut                  | 2004 |                  |        |           |
            Kingdom of Heaven - Director's Cut.mkv                 |                         | Kingdom of Heaven              |      | Director's Cut   |        |           |
            # provider ids (Jellyfin, Plex, Radarr)
            Inception (2010) [tmdbid-27205].mkv                    |                         | Inception                      | 2010 |                  | 27205  |           |
            Inception (2010) {tmdb-27205}.mkv                      |                         | Inception                      | 2010 |                  | 27205  |           |
            Inception (2010) [imdbid-tt1375666].mkv                |                         | Inception                      | 2010 |                  |        | tt1375666 |
            Inception (2010) {imdb-tt1375666}.mkv                  |                         | Inception                      | 2010 |                  |        | tt1375666 |
            Inception (2010) {imdb-tt1375666} {tmdb-27205} {edition-IMAX}.mkv | | Inception                 | 2010 | IMAX             | 27205  | tt1375666 |
            Inception (2010).mkv                                   | Inception (2010) [tmdbid-27205] | Inception              | 2010 |                  | 27205  |           |
            Inception (2010) tt1375666.mkv                         |                         | Inception                      | 2010 |                  |        | tt1375666 |
            Harry Potter and the Philosopher's Stone (2001).mkv    | Harry Potter Collection [tmdbid-1241] | Harry Potter and the Philosopher's Stone | 2001 | | | |
            Top Gun Maverick (2022) [IMAX] [2160p] [4K] [WEB] [5.1] [YTS.MX].mp4 | | Top Gun Maverick                  | 2022 | IMAX             |        |           |
            Mission Impossible - Dead Reckoning Part One (2023) {tmdb-575264} [Bluray-1080p][EAC3 7.1][x265]-GRP.mkv | | Mission Impossible - Dead Reckoning Part One | 2023 | | 575264 | |
            # multi-part movies
            Lawrence of Arabia (1962) - part1.mkv                  |                         | Lawrence of Arabia             | 1962 |                  |        |           | 1
            Lawrence of Arabia (1962) - pt2.mkv                    |                         | Lawrence of Arabia             | 1962 |                  |        |           | 2
            Gone with the Wind (1939) cd1.avi                      |                         | Gone with the Wind             | 1939 |                  |        |           | 1
            Gone.with.the.Wind.1939.DVDRip.XviD-GRP.cd2.avi        |                         | Gone with the Wind             | 1939 |                  |        |           | 2
            Ben-Hur (1959) disc1.mkv                               |                         | Ben-Hur                        | 1959 |                  |        |           | 1
            Ben-Hur (1959) - dvd2.mkv                              |                         | Ben-Hur                        | 1959 |                  |        |           | 2
            Ben-Hur-cd1.avi                                        |                         | Ben-Hur                        |      |                  |        |           | 1
            movie-cd2.avi                                          | The Ten Commandments (1956) | The Ten Commandments       | 1956 |                  |        |           | 2
            Harry Potter and the Deathly Hallows Part 1 (2010).mkv |                         | Harry Potter and the Deathly Hallows Part 1 | 2010 |   |        |           |
            Harry Potter and the Deathly Hallows - Part 2 (2011).mkv |                       | Harry Potter and the Deathly Hallows - Part 2 | 2011 | |        |           |
            Kill Bill Vol. 1 (2003).mkv                            |                         | Kill Bill Vol. 1               | 2003 |                  |        |           |
            Some.Movie.2005.PAL.DVD9-GRP.iso.mkv                   |                         | Some Movie                     | 2005 |                  |        |           |
            """)
    void parsesMovieNames(String file, String folder, String title, Integer year, String edition, Integer tmdbId,
            String imdbId, Integer part) {
        ParsedMovieName parsed = parser.parse(file, folder);

        assertAll(
                () -> assertEquals(title, parsed.title(), "title"),
                () -> assertEquals(year, parsed.year(), "year"),
                () -> assertEquals(edition, parsed.edition(), "edition"),
                () -> assertEquals(tmdbId, parsed.tmdbId(), "tmdbId"),
                () -> assertEquals(imdbId, parsed.imdbId(), "imdbId"),
                () -> assertEquals(part, parsed.part(), "part"),
                () -> assertFalse(parsed.extra(), "extra"));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Making of.mkv                       | Extras
            Interview with the director.mkv     | interviews
            Lost ending.mkv                     | Deleted Scenes
            On set.mkv                          | Behind The Scenes
            Teaser.mp4                          | Trailers
            Visual effects.mkv                  | Featurettes
            Opening.mkv                         | Scenes
            Pixar short.mkv                     | Shorts
            Bloopers.mkv                        | Other
            inception-sample.mkv                | Samples
            sparks-inception.mkv                | Sample
            Inception (2010)-trailer.mkv        | Inception (2010)
            Inception (2010)-trailer2.mkv       | Inception (2010)
            Inception (2010)-featurette.mkv     | Inception (2010)
            Inception (2010)-behindthescenes.mkv | Inception (2010)
            Inception (2010)-deleted.mkv        | Inception (2010)
            Inception (2010)-interview.mkv      | Inception (2010)
            Inception (2010)-scene.mkv          | Inception (2010)
            Inception (2010)-short.mkv          | Inception (2010)
            Inception (2010)-other.mkv          | Inception (2010)
            Inception (2010)-sample.mkv         | Inception (2010)
            Inception.2010.1080p.BluRay.x264-SPARKS.sample.mkv | Inception.2010.1080p.BluRay.x264-SPARKS
            sample.mkv                          | Inception (2010)
            sample-sparks-inception.mkv         | Inception (2010)
            trailer.mp4                         | Inception (2010)
            Inception (2010) - trailer.mkv      |
            """)
    void recognisesExtrasAndSamples(String file, String folder) {
        assertTrue(parser.parse(file, folder).extra());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Trailer Park Boys The Movie (2006).mkv | Trailer Park Boys The Movie (2006)
            The Other (1972).mkv                   | The Other (1972)
            Shorts (2009).mkv                      | Shorts (2009)
            Sample People (2000).mkv               |
            Scenes from a Marriage (1974).mkv      |
            """)
    void titlesThatMerelyContainExtraWordsAreMovies(String file, String folder) {
        assertFalse(parser.parse(file, folder).extra());
    }

    @Test
    void readsTheFolderFromThePathButNotWhenTheFileLiesInTheRoot() {
        Path root = Path.of("/media/movies");

        ParsedMovieName inFolder = parser.parse(root.resolve("Heat (1995)/movie.mkv"), root);
        ParsedMovieName inRoot = parser.parse(root.resolve("movie.mkv"), root);
        // a library root named "Other" is not an extras folder
        Path otherRoot = Path.of("/media/Other");
        ParsedMovieName inRootNamedOther = parser.parse(otherRoot.resolve("Heat (1995).mkv"), otherRoot);

        assertEquals("Heat", inFolder.title());
        assertEquals(1995, inFolder.year());
        assertEquals("movie", inRoot.title());
        assertNull(inRoot.year());
        assertFalse(inRootNamedOther.extra());
    }

    @Test
    void aFileNameOfOnlyReleaseTagsHasNoTitle() {
        ParsedMovieName parsed = parser.parse("1080p.BluRay.x264.mkv", null);

        assertNull(parsed.title());
    }

    @Test
    void yearsBeyondTheLatestAcceptedAreTitleWords() {
        ParsedMovieName parsed = new MovieNameParser(2020).parse("Movie 2025.mkv", null);

        assertEquals("Movie 2025", parsed.title());
        assertNull(parsed.year());
    }
}
