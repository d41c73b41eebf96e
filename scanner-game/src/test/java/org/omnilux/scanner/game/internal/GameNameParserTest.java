package org.omnilux.scanner.game.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GameNameParserTest {

    private final GameNameParser parser = new GameNameParser();

    /**
     * Real-world names. Columns: file | title | year | region | disc | disc total. An empty cell expects
     * {@code null}.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # No-Intro cartridge sets
            Super Mario World (USA).sfc                                      | Super Mario World                          |      | USA               |   |
            Legend of Zelda, The - A Link to the Past (USA).sfc              | The Legend of Zelda - A Link to the Past   |      | USA               |   |
            Chrono Trigger (USA, Europe) (Rev 1).sfc                         | Chrono Trigger                             |      | USA, Europe       |   |
            Final Fantasy III (USA) (Rev 1).sfc                              | Final Fantasy III                          |      | USA               |   |
            Mother 3 (Japan) (En,Ja).gba                                     | Mother 3                                   |      | Japan             |   |
            Pokemon - Emerald Version (USA, Europe).gba                      | Pokemon - Emerald Version                  |      | USA, Europe       |   |
            Pokemon - Red Version (USA, Europe) (SGB Enhanced).gb            | Pokemon - Red Version                      |      | USA, Europe       |   |
            Tetris (World) (Rev 1).gb                                        | Tetris                                     |      | World             |   |
            Legend of Zelda, The - Link's Awakening DX (USA, Europe) (Rev 2) (SGB Enhanced) (GB Compatible).gbc | The Legend of Zelda - Link's Awakening DX | | USA, Europe | |
            Super Mario 64 (USA).z64                                         | Super Mario 64                             |      | USA               |   |
            Legend of Zelda, The - Ocarina of Time (Europe) (En,Fr,De) (Rev 1).n64 | The Legend of Zelda - Ocarina of Time |      | Europe            |   |
            Sonic The Hedgehog (USA, Europe).md                              | Sonic The Hedgehog                         |      | USA, Europe       |   |
            Streets of Rage 2 (USA).md                                       | Streets of Rage 2                          |      | USA               |   |
            Alex Kidd in Miracle World (USA, Europe, Brazil) (Rev 1).sms    | Alex Kidd in Miracle World                 |      | USA, Europe, Brazil |  |
            Castlevania (USA).nes                                            | Castlevania                                |      | USA               |   |
            Super Mario Bros. (World).nes                                    | Super Mario Bros.                          |      | World             |   |
            Mario Kart DS (Europe) (En,Fr,De,Es,It).nds                      | Mario Kart DS                              |      | Europe            |   |
            Bonk's Adventure (USA).pce                                       | Bonk's Adventure                           |      | USA               |   |
            Star Fox (USA) (Beta) (1993-01-12).sfc                           | Star Fox                                   | 1993 | USA               |   |
            Aladdin (Europe) (Proto).md                                      | Aladdin                                    |      | Europe            |   |
            Pac-Man (USA) (Namco).nes                                        | Pac-Man                                    |      | USA               |   |
            Kirby's Dream Land (USA, Europe).gb                              | Kirby's Dream Land                         |      | USA, Europe       |   |
            Donkey Kong Country (Japan, USA) (Rev 2).sfc                     | Donkey Kong Country                        |      | Japan, USA        |   |
            Rockman X (Japan).sfc                                            | Rockman X                                  |      | Japan             |   |
            Golden Axe (Japan, Europe) (En).md                               | Golden Axe                                 |      | Japan, Europe     |   |
            Bomberman (Korea).gb                                             | Bomberman                                  |      | Korea             |   |
            Shin Megami Tensei (Japan) (Translated En).sfc                   | Shin Megami Tensei                         |      | Japan             |   |
            # Redump disc sets
            Final Fantasy VII (USA) (Disc 1).cue                             | Final Fantasy VII                          |      | USA               | 1 |
            Final Fantasy VII (USA) (Disc 3).bin                             | Final Fantasy VII                          |      | USA               | 3 |
            Metal Gear Solid (Europe) (Disc 2 of 2).chd                      | Metal Gear Solid                           |      | Europe            | 2 | 2
            Crash Bandicoot (USA).cue                                        | Crash Bandicoot                            |      | USA               |   |
            Gran Turismo 2 (Europe) (En,Fr,De,Es,It) (Disc 1) (Arcade Mode).cue | Gran Turismo 2                          |      | Europe            | 1 |
            Ridge Racer (Europe) (Track 01).bin                              | Ridge Racer                                |      | Europe            |   |
            God of War (USA).iso                                             | God of War                                 |      | USA               |   |
            Panzer Dragoon Saga (USA) (Disc 1).cue                           | Panzer Dragoon Saga                        |      | USA               | 1 |
            Shenmue II (Europe) (Disc 4).gdi                                 | Shenmue II                                 |      | Europe            | 4 |
            Legend of Dragoon, The (USA) (Disc 1 of 4).chd                  | The Legend of Dragoon                      |      | USA               | 1 | 4
            Xenogears (USA) (Disc 2).m3u                                     | Xenogears                                  |      | USA               | 2 |
            # GoodTools
            Sonic the Hedgehog (U) [!].gen                                   | Sonic the Hedgehog                         |      | USA               |   |
            Super Mario Bros. 3 (U) (PRG1) [!].nes                           | Super Mario Bros. 3                        |      | USA               |   |
            Street Fighter II' - Special Champion Edition (UE) [b1].md      | Street Fighter II' - Special Champion Edition |   | USA, Europe       |   |
            Zelda no Densetsu (J) [T+Eng1.0].nes                             | Zelda no Densetsu                          |      | Japan             |   |
            Contra (JU) [a1].gb                                              | Contra                                     |      | Japan, USA        |   |
            Super Metroid (JUE) [!].smc                                      | Super Metroid                              |      | World             |   |
            Mortal Kombat (W) [h1C].gg                                       | Mortal Kombat                              |      | World             |   |
            # TOSEC
            Sonic the Hedgehog (1991)(Sega)(US).md                           | Sonic the Hedgehog                         | 1991 | USA               |   |
            Legend of TOSEC, The (1986)(Devstudio)(EU).a26                   | The Legend of TOSEC                        | 1986 | Europe            |   |
            # plain and frontend names
            Doom (1995).zip                                                  | Doom                                       | 1995 |                   |   |
            sf2.zip                                                          | sf2                                        |      |                   |   |
            Super_Mario_World_(USA).sfc                                      | Super Mario World                          |      | USA               |   |
            Metroid Prime - Disc 2.iso                                       | Metroid Prime                              |      |                   | 2 |
            Tekken 3 CD1.bin                                                 | Tekken 3                                   |      |                   | 1 |
            Discworld (Europe).cue                                           | Discworld                                  |      | Europe            |   |
            """)
    void parsesRealWorldNames(String file, String title, Integer year, String region, Integer disc, Integer total) {
        ParsedGameName name = parser.parse(file);

        assertAll(file,
                () -> assertEquals(title, name.title(), "title"),
                () -> assertEquals(year, name.year(), "year"),
                () -> assertEquals(region, name.region(), "region"),
                () -> assertEquals(disc, name.disc(), "disc"),
                () -> assertEquals(total, name.discTotal(), "disc total"));
    }

    @Test
    void allDiscsOfASetShareTheKeyAndOtherGamesDoNot() {
        String disc1 = parser.parse("Final Fantasy VII (USA) (Disc 1).cue").setKey();

        assertEquals(disc1, parser.parse("Final Fantasy VII (USA) (Disc 2).cue").setKey());
        assertEquals(disc1, parser.parse("Final Fantasy VII (USA).m3u").setKey());
        assertEquals(parser.parse("Metal Gear Solid (Europe) (Disc 1 of 2).chd").setKey(),
                parser.parse("Metal Gear Solid (Europe) (Disc 2 of 2).chd").setKey());
        assertEquals(parser.parse("Tekken 3 CD1.bin").setKey(), parser.parse("Tekken 3 CD2.bin").setKey());
        assertNotEquals(disc1, parser.parse("Final Fantasy VII (Europe) (Disc 1).cue").setKey(), "another release");
        assertNotEquals(disc1, parser.parse("Final Fantasy VIII (USA) (Disc 1).cue").setKey());
    }

    @Test
    void malformedNamesNeverFail() {
        assertAll(
                () -> assertNull(parser.parse("(USA).sfc").title(), "only tags"),
                () -> assertEquals("Game (USA", parser.parse("Game (USA.sfc").title(), "an unclosed bracket stays text"),
                () -> assertNull(parser.parse("Game ().sfc").region()),
                () -> assertEquals("Game", parser.parse("Game [].sfc").title()),
                () -> assertEquals(".sfc", parser.parse(".sfc").title()),
                () -> assertNull(parser.parse("Game (Disc).cue").disc()),
                () -> assertNull(parser.parse("Game (3000).sfc").year(), "not a year"));
    }
}
