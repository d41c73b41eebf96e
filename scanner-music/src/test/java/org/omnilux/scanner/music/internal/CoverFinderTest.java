package org.omnilux.scanner.music.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The preference order of cover names, decided in one pass over a folder. */
class CoverFinderTest {

    private final Path album = Path.of("/music/Artist/Album");
    private final CoverFinder finder = new CoverFinder(List.of("cover", "folder", "front"));

    @Test
    void theMostPreferredNameWinsWhateverTheOrderOfTheFolder() {
        List<Path> entries = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            entries.add(album.resolve(String.format("%02d - A Track Whose Name Is Long.flac", i)));
        }
        entries.add(album.resolve("front.jpg"));
        entries.add(album.resolve("Folder.PNG"));
        entries.add(album.resolve("cover.png"));
        entries.add(album.resolve("COVER.JPEG"));
        entries.add(album.resolve("back.jpg"));

        assertEquals(Optional.of(album.resolve("COVER.JPEG")), finder.best(entries), "cover.jpeg before cover.png");
        assertEquals(Optional.of(album.resolve("Folder.PNG")), finder.best(entries.subList(0, 42)));
        assertEquals(Optional.of(album.resolve("front.jpg")), finder.best(entries.subList(0, 41)));
        assertEquals(Optional.empty(), finder.best(entries.subList(0, 40)));
    }

    @Test
    void windowsMediaPlayersFilesCountAsAlbumArtTheSmallOneLast() {
        CoverFinder defaults = new CoverFinder(ConfigValues.names(new String[] {CoverFinder.DEFAULT_BASE_NAMES}));
        Path large = album.resolve("AlbumArt_{7D4D7B4C-1BB8-4C9A-8E3D-0A1F5B2C3D4E}_Large.jpg");
        Path small = album.resolve("AlbumArtSmall.jpg");
        List<Path> wmp = List.of(small, album.resolve("01 - Track.mp3"), large,
                album.resolve("AlbumArt_{7D4D7B4C-1BB8-4C9A-8E3D-0A1F5B2C3D4E}_Small.jpg"));

        assertEquals(Optional.of(large), defaults.best(wmp));
        assertEquals(Optional.of(small), defaults.best(List.of(small)));
        assertEquals(Optional.of(album.resolve("album.png")),
                defaults.best(List.of(large, album.resolve("album.png"))), "albumart comes after album");
        assertEquals(Optional.of(album.resolve("front.jpg")),
                defaults.best(List.of(small, album.resolve("front.jpg"))), "the small one after every other");
        assertEquals(Optional.empty(), finder.best(wmp), "not without albumart among the names");
    }

    @Test
    void aBackslashIsPartOfAFileName() {
        assertEquals(Optional.empty(), finder.best(List.of(album.resolve("AC\\cover.jpg"))));
    }

    @Test
    void ofTwoEntriesWithTheSameNameTheFirstWins() {
        Path upper = album.resolve("Cover.jpg");
        Path lower = album.resolve("cover.jpg");

        assertEquals(Optional.of(upper), finder.best(List.of(upper, lower)));
        assertEquals(Optional.of(lower), finder.best(List.of(lower, upper)));
    }

    /** Names are told from the path's tail: the longest cover name is found whatever comes before it. */
    @Test
    void theLongestNameIsFoundInLongAndShortPaths() {
        for (String path : List.of("/music/Artist/Album/folder.jpeg", "/a/folder.jpeg", "/folder.jpeg", "a/folder.jpeg",
                "folder.jpeg", "Folder.JPEG")) {
            assertEquals(Optional.of(Path.of(path)), finder.best(List.of(Path.of(path))), path);
        }
        for (String path : List.of("/music/Artist/Album/xfolder.jpeg", "xfolder.jpeg", "/music/folder.jpeg.flac")) {
            assertEquals(Optional.empty(), finder.best(List.of(Path.of(path))), path);
        }
    }
}
