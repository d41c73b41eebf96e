package org.omnilux.scanner.music.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrackNameParserTest {

    private static final Path ROOT = Path.of("/music");

    private final TrackNameParser parser = new TrackNameParser();

    /**
     * Real-world layouts. Columns: path below the root | title | track | disc | artist | albumArtist | album |
     * year. An empty cell expects {@code null}.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # Artist/Album (Year)/NN - Title: Plex, Jellyfin, Lidarr
            Radiohead/OK Computer (1997)/01 - Airbag.flac                  | Airbag               | 1  |   | Radiohead      | Radiohead      | OK Computer        | 1997
            Radiohead/OK Computer (1997)/02. Paranoid Android.mp3          | Paranoid Android     | 2  |   | Radiohead      | Radiohead      | OK Computer        | 1997
            Radiohead/OK Computer [1997]/03 Subterranean Homesick Alien.mp3 | Subterranean Homesick Alien | 3 | | Radiohead | Radiohead     | OK Computer        | 1997
            Radiohead/1997 - OK Computer/04_Exit_Music.mp3                 | Exit Music           | 4  |   | Radiohead      | Radiohead      | OK Computer        | 1997
            Radiohead/OK Computer - 1997/Track 05 - Let Down.mp3           | Let Down             | 5  |   | Radiohead      | Radiohead      | OK Computer        | 1997
            Radiohead/OK Computer/06) Karma Police.mp3                     | Karma Police         | 6  |   | Radiohead      | Radiohead      | OK Computer        |
            Björk/Homogenic (1997) [FLAC]/01 - Hunter.flac                 | Hunter               | 1  |   | Björk          | Björk          | Homogenic          | 1997
            Sigur Rós/Ágætis byrjun (1999) [24bit-96kHz]/02 - Svefn-g-englar.flac | Svefn-g-englar | 2 |   | Sigur Rós      | Sigur Rós      | Ágætis byrjun      | 1999
            # disc folders and disc-track prefixes
            Pink Floyd/The Wall (1979)/CD2/03 - Comfortably Numb.flac      | Comfortably Numb     | 3  | 2 | Pink Floyd     | Pink Floyd     | The Wall           | 1979
            Pink Floyd/The Wall (1979)/Disc 1/01 - In the Flesh.flac       | In the Flesh         | 1  | 1 | Pink Floyd     | Pink Floyd     | The Wall           | 1979
            Pink Floyd/The Wall (1979)/Disk 02 - Live/01 - Hey You.flac    | Hey You              | 1  | 2 | Pink Floyd     | Pink Floyd     | The Wall           | 1979
            The Beatles/The Beatles (1968)/2-07 Helter Skelter.mp3         | Helter Skelter       | 7  | 2 | The Beatles    | The Beatles    | The Beatles        | 1968
            The Beatles/The Beatles (1968)/1-01 - Back in the U.S.S.R..mp3 | Back in the U.S.S.R. | 1  | 1 | The Beatles    | The Beatles    | The Beatles        | 1968
            # compilations: the track artist is in the file name
            Various Artists/Now 45 (2020)/01 - Dua Lipa - Physical.mp3     | Physical             | 1  |   | Dua Lipa       | Various Artists | Now 45            | 2020
            Various Artists/Hits/Queen - 03 - Bohemian Rhapsody.mp3        | Bohemian Rhapsody    | 3  |   | Queen          | Various Artists | Hits              |
            # versions are not artists
            Queen/Live Aid/04 - We Will Rock You - Live.mp3                | We Will Rock You - Live | 4 |  | Queen          | Queen          | Live Aid           |
            The Cure/Disintegration/05 - Lovesong - Remastered 2010.mp3    | Lovesong - Remastered 2010 | 5 | | The Cure     | The Cure       | Disintegration     |
            # one folder level: the album, or "Artist - Album (Year)"
            Massive Attack - Mezzanine (1998)/01 - Angel.mp3               | Angel                | 1  |   | Massive Attack | Massive Attack | Mezzanine          | 1998
            Mezzanine/01 - Angel.mp3                                       | Angel                | 1  |   |                |                | Mezzanine          |
            2019 - Some EP/01 - Intro.mp3                                  | Intro                | 1  |   |                |                | Some EP            | 2019
            # loose files in the root
            Nina Simone - Feeling Good.mp3                                 | Feeling Good         |    |   | Nina Simone    |                |                    |
            Feeling Good.mp3                                               | Feeling Good         |    |   |                |                |                    |
            07 - Some Song.mp3                                             | Some Song            | 7  |   |                |                |                    |
            Track 07.mp3                                                   |                      | 7  |   |                |                |                    |
            1979.mp3                                                       | 1979                 |    |   |                |                |                    |
            # deeper trees: the last two folders are artist and album
            Rock/Led Zeppelin/IV (1971)/04 - Stairway to Heaven.mp3        | Stairway to Heaven   | 4  |   | Led Zeppelin   | Led Zeppelin   | IV                 | 1971
            坂本龍一/戦場のメリークリスマス (1983)/01 - Merry Christmas Mr. Lawrence.flac | Merry Christmas Mr. Lawrence | 1 | | 坂本龍一 | 坂本龍一 | 戦場のメリークリスマス | 1983
            """)
    void parsesNames(String path, String title, Integer track, Integer disc, String artist, String albumArtist,
            String album, Integer year) {
        ParsedTrack parsed = parser.parse(ROOT.resolve(path), ROOT);

        assertAll(path,
                () -> assertEquals(title, parsed.title(), "title"),
                () -> assertEquals(track, parsed.trackNumber(), "track"),
                () -> assertEquals(disc, parsed.discNumber(), "disc"),
                () -> assertEquals(artist, parsed.artist(), "artist"),
                () -> assertEquals(albumArtist, parsed.albumArtist(), "albumArtist"),
                () -> assertEquals(album, parsed.album(), "album"),
                () -> assertEquals(year, parsed.year(), "year"));
    }
}
