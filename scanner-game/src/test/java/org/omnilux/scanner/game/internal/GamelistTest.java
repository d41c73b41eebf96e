package org.omnilux.scanner.game.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.omnilux.api.scanner.MediaRecord;

/** Games in a RetroPie / Batocera ROM folder with the gamelist.xml a scraper wrote. */
class GamelistTest extends GameFilesTest {

    /** As Skyscraper and the ES scrapers write it: descriptions, media paths, ratings, a folder entry. */
    private static final String GAMELIST = """
            <?xml version="1.0"?>
            <gameList>
              <folder><path>./bios</path><name>BIOS</name></folder>
              <game id="1207" source="ScreenScraper.fr">
                <path>./sf2.zip</path>
                <name>Street Fighter II: The World Warrior</name>
                <desc>Ryu and Ken <b>fight</b> &amp; travel the world.</desc>
                <image>./media/images/sf2.png</image>
                <rating>0.8</rating>
                <releasedate>19910301T000000</releasedate>
                <developer>Capcom</developer>
                <players>1-2</players>
              </game>
              <game>
                <path>./mslug.zip</path>
                <name>Metal Slug - Super Vehicle-001</name>
                <releasedate>19700101T010000</releasedate>
              </game>
              <game><path>/home/pi/RetroPie/roms/mame/dino.zip</path><name>Cadillacs and Dinosaurs</name></game>
              <game><path>~/RetroPie/roms/mame/1944.zip</path><name>1944: The Loop Master</name></game>
              <game><path>C:\\ROMs\\MAME\\pang.zip</path><name>Pang</name></game>
              <game><path>/home/pi/RetroPie/roms/fba/kof98.zip</path><name>Another System's</name></game>
              <game><path>./hacks/sf2ce.zip</path><name>Not This Folder's</name></game>
              <game><path>../snes/smw.sfc</path><name>Nor Another's</name></game>
            </gameList>
            """;

    @Test
    void theScrapedNameAndYearOfAnArcadeShortName() throws Exception {
        writeText("mame/gamelist.xml", GAMELIST);
        Path sf2 = write("mame/sf2.zip", new byte[64]);
        Path mslug = write("mame/MSLUG.ZIP", new byte[64]);

        MediaRecord street = recognise(sf2).orElseThrow();
        MediaRecord metal = recognise(mslug).orElseThrow();

        assertEquals("Street Fighter II: The World Warrior", street.title);
        assertEquals(1991, street.year);
        assertEquals(Map.of("platform", "Arcade"), street.metadata);
        assertEquals("Metal Slug - Super Vehicle-001", metal.title, "a list written on Windows matches in any case");
        assertNull(metal.year, "the front ends' 1970-01-01 means no date");
    }

    /**
     * Which games of its folder the list names: the relative path of the folder's own, and the absolute paths older
     * front ends wrote when their folder has the list's folder's name; not a sub-folder's game, nor another system's.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hacks/sf2ce.zip | sf2ce                   | a sub-folder's game: its file name",
        "ddonpach.zip    | ddonpach                | not in the list",
        "kof98.zip       | kof98                   | an absolute path through the fba folder",
        "dino.zip        | Cadillacs and Dinosaurs | /home/pi/RetroPie/roms/mame/dino.zip",
        "1944.zip        | 1944: The Loop Master   | ~/RetroPie/roms/mame/1944.zip",
        "pang.zip        | Pang                    | a Windows path, its folder in another case"})
    void theListNamesTheGamesOfItsOwnFolder(String file, String title, String why) throws Exception {
        writeText("mame/gamelist.xml", GAMELIST);

        assertEquals(title, recognise(write("mame/" + file, new byte[64])).orElseThrow().title, why);
    }

    @Test
    void aNoIntroNameGivesTheRegionWhileTheListGivesTheTitle() throws Exception {
        writeText("snes/gamelist.xml", """
                <gameList><game><path>./Super Mario World (USA).sfc</path><name>Super Mario World</name>
                <releasedate>19901121T000000</releasedate></game></gameList>""");
        Path smw = write("snes/Super Mario World (USA).sfc", Roms.snes("SUPER MARIOWORLD", 1, 512 * 1024, false,
                false));

        MediaRecord record = recognise(smw).orElseThrow();

        assertEquals("Super Mario World", record.title);
        assertEquals(1990, record.year);
        assertEquals("USA", record.metadata.get("region"));
    }

    @Test
    void aBrokenOrHostileListIsNoList() throws Exception {
        Path secret = Files.writeString(root.resolve("secret.txt"), "TOP-SECRET");
        writeText("nes/gamelist.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE gameList [ <!ENTITY xxe SYSTEM "%s"> ]>
                <gameList><game><path>./smb.nes</path><name>&xxe;</name></game></gameList>
                """.formatted(secret.toUri()));
        writeText("gb/gamelist.xml", "<gameList><game><path>./tetris.gb</path><name>Tetris");
        Path smb = write("nes/smb.nes", Roms.ines(0, false, 0));
        Path tetris = write("gb/tetris.gb", Roms.gameBoy("TETRIS", 0, null, 0));

        assertEquals("smb", recognise(smb).orElseThrow().title);
        assertEquals("tetris", recognise(tetris).orElseThrow().title);
    }

    @Test
    void aFolderWithoutAListIsReadAsBefore() throws Exception {
        assertSame(Gamelist.NONE, Gamelist.in(List.of(write("psx/readme.txt", new byte[1]))));
    }
}
