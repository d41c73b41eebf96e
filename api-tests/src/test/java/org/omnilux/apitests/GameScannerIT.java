package org.omnilux.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The game scanner end to end: the launched server with only the game scanner installed, real HTTP, ROM and disc
 * images written by the test with real headers (a LoROM Super NES image, a Game Boy Advance and a Mega Drive ROM,
 * a two-disc PlayStation set as CUE/BIN with raw 2352-byte sectors) and a ROM too short for its header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GameScannerIT {

    private OmniLuxServer server;
    private Api api;
    private String admin;
    private Path games;
    private long rootId;

    @BeforeAll
    void startServer() throws Exception {
        server = OmniLuxServer.create("game-scanner", false);
        server.installScanner("game");
        games = server.home.resolve("media/games");
        write(games.resolve("snes/Super Mario World (USA).sfc"), snesLoRom("SUPER MARIOWORLD", 0x01));
        write(games.resolve("Game Boy Advance/Pokemon - Emerald Version (USA, Europe).gba"),
                gameBoyAdvance("POKEMON EMER", "BPEE"));
        write(games.resolve("megadrive/Sonic The Hedgehog.md"), megaDrive("SONIC THE               HEDGEHOG",
                "GM 00001009-00", "JUE", "(C)SEGA 1991.APR"));
        for (int disc = 1; disc <= 2; disc++) {
            String name = "Final Fantasy VII (USA) (Disc " + disc + ")";
            write(games.resolve("psx/" + name + ".bin"), raw2352(iso9660WithSystemCnf(
                    "BOOT = cdrom:\\SCUS_941.6" + (2 + disc) + ";1\r\nTCB = 4\r\nEVENT = 10\r\n")));
            write(games.resolve("psx/" + name + ".cue"), ("FILE \"" + name + ".bin\" BINARY\r\n"
                    + "  TRACK 01 MODE2/2352\r\n    INDEX 01 00:00:00\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        write(games.resolve("snes/Broken (USA).sfc"), new byte[] {1, 2, 3});
        write(games.resolve("downloads/not-a-game.zip"), new byte[] {'P', 'K', 5, 6});
        server.start();
        api = new Api(server);
        admin = api.loginAdmin();
        api.awaitScanner("game", admin);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            int exit = server.stop();
            assertTrue(exit == 0 || exit == 143, "clean exit on SIGTERM, got " + exit);
        }
    }

    @Test
    @Order(1)
    void theGameScannerIsInstalled() throws Exception {
        JsonNode plugins = api.awaitScanner("game", admin);
        JsonNode game = null;
        for (JsonNode plugin : plugins) {
            for (JsonNode type : plugin.path("mediaTypes")) {
                if (type.asText().equals("game")) {
                    game = plugin;
                }
            }
        }
        assertTrue(game != null, "a plugin handles game: " + plugins);
        assertEquals("org.omnilux.scanner.game", game.path("id").asText(), game.toString());
    }

    @Test
    @Order(2)
    void scanListsOneItemPerGameAndCountsTheTooShortRom() throws Exception {
        Api.Response created = api.post("/api/library/roots", admin,
                Api.json("path", games.toString(), "name", "Games", "mediaType", "game"));
        assertEquals(201, created.status(), created.raw().body());
        rootId = created.json().path("id").asLong();

        Api.Response started = api.post("/api/library/scan", admin, Api.json("rootId", rootId));
        assertEquals(202, started.status(), started.raw().body());
        JsonNode job = api.awaitJob(started.json().path("jobId").asLong(), admin);

        assertEquals("completed", job.path("status").asText(), job.toString());
        assertEquals(8, job.path("filesSeen").asLong(), "sfc×2, gba, md, cue×2, bin×2; the stray zip is not seen: " + job);
        assertEquals(4, job.path("filesAdded").asLong(), job.toString());
        assertEquals(1, job.path("filesFailed").asLong(), job.toString());
        JsonNode error = job.path("errors").get(0);
        assertEquals(games.resolve("snes/Broken (USA).sfc").toString(), error.path("path").asText(), job.toString());
        assertEquals("file too small to be a Super Nintendo Entertainment System ROM", error.path("message").asText());
    }

    @Test
    @Order(3)
    void filesCarryTitlePlatformRegionSerialAndInternalTitle() {
        JsonNode page = api.get("/api/library/files?mediaType=game&sort=title", admin).json();
        assertEquals(List.of("Final Fantasy VII", "Pokemon - Emerald Version", "Sonic The Hedgehog", "Super Mario World"),
                titles(page), page.toString());

        JsonNode mario = find(page, "Super Mario World");
        assertEquals("game", mario.path("mediaType").asText());
        assertEquals(rootId, mario.path("rootId").asLong());
        assertEquals("sfc", mario.path("container").asText());
        assertEquals(256 * 1024, mario.path("sizeBytes").asLong());
        assertTrue(mario.path("duration").isNull() || mario.path("duration").isMissingNode(), mario.toString());
        assertTrue(mario.path("codec").isNull() || mario.path("codec").isMissingNode(), "never invented: " + mario);
        assertMetadata(mario, "Super Nintendo Entertainment System", "USA", null, "SUPER MARIOWORLD");

        JsonNode pokemon = find(page, "Pokemon - Emerald Version");
        assertEquals("gba", pokemon.path("container").asText());
        assertMetadata(pokemon, "Game Boy Advance", "USA, Europe", "AGB-BPEE", "POKEMON EMER");

        JsonNode sonic = find(page, "Sonic The Hedgehog");
        assertEquals(1991, sonic.path("year").asInt(), "the year of the header's copyright line");
        assertMetadata(sonic, "Sega Mega Drive/Genesis", "World", "GM 00001009-00", "SONIC THE HEDGEHOG");

        JsonNode ff7 = find(page, "Final Fantasy VII");
        assertEquals("cue", ff7.path("container").asText());
        assertTrue(ff7.path("path").asText().endsWith("Final Fantasy VII (USA) (Disc 1).cue"), ff7.toString());
        assertMetadata(ff7, "PlayStation", "USA", "SCUS-94163", null);

        JsonNode search = api.get("/api/library/files?search=emerald%20pokemon", admin).json();
        assertEquals(List.of("Pokemon - Emerald Version"), titles(search));
    }

    @Test
    @Order(4)
    void gameMetadataIsEditableAndLocked() {
        JsonNode ff7 = find(api.get("/api/library/files?mediaType=game", admin).json(), "Final Fantasy VII");
        long id = ff7.path("id").asLong();

        Api.Response updated = api.put("/api/library/files/" + id + "/metadata", admin,
                Api.json("region", "Japan", "internalTitle", "FF7"));
        assertEquals(200, updated.status(), updated.raw().body());
        assertEquals("Japan", updated.json().path("metadata").path("region").asText());
        assertEquals("SCUS-94163", updated.json().path("metadata").path("serial").asText());

        JsonNode detail = api.get("/api/library/files/" + id, admin).json();
        List<String> locked = new ArrayList<>();
        detail.path("lockedFields").forEach(field -> locked.add(field.asText()));
        assertTrue(locked.containsAll(List.of("region", "internalTitle")), detail.toString());

        api.put("/api/library/files/" + id + "/metadata", admin, "{\"serial\": 5}").assertProblem(400);
    }

    private static void assertMetadata(JsonNode file, String platform, String region, String serial,
            String internalTitle) {
        JsonNode metadata = file.path("metadata");
        assertEquals(platform, text(metadata, "platform"), file.toString());
        assertEquals(region, text(metadata, "region"), file.toString());
        assertEquals(serial, text(metadata, "serial"), file.toString());
        assertEquals(internalTitle, text(metadata, "internalTitle"), file.toString());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.path("items").forEach(item -> titles.add(item.path("title").asText()));
        return titles;
    }

    private static JsonNode find(JsonNode page, String title) {
        for (JsonNode item : page.path("items")) {
            if (item.path("title").asText().equals(title)) {
                return item;
            }
        }
        throw new AssertionError(title + " not in " + page);
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    // --- ROM and disc images as the hardware expects them -------------------------------------------------

    /** 256 KiB LoROM: the internal header at 0x7FC0 with a checksum that is the sum of all bytes. */
    private static byte[] snesLoRom(String title, int destination) {
        byte[] rom = new byte[256 * 1024];
        Arrays.fill(rom, (byte) 0xEA);
        int base = 0x7FC0;
        byte[] name = Arrays.copyOf(title.getBytes(StandardCharsets.US_ASCII), 21);
        Arrays.fill(name, title.length(), 21, (byte) ' ');
        System.arraycopy(name, 0, rom, base, 21);
        rom[base + 0x15] = 0x20;
        rom[base + 0x19] = (byte) destination;
        rom[base + 0x1C] = (byte) 0xFF;
        rom[base + 0x1D] = (byte) 0xFF;
        rom[base + 0x1E] = 0;
        rom[base + 0x1F] = 0;
        int sum = 0;
        for (byte b : rom) {
            sum = (sum + (b & 0xFF)) & 0xFFFF;
        }
        rom[base + 0x1C] = (byte) (sum ^ 0xFFFF);
        rom[base + 0x1D] = (byte) ((sum ^ 0xFFFF) >> 8);
        rom[base + 0x1E] = (byte) sum;
        rom[base + 0x1F] = (byte) (sum >> 8);
        return rom;
    }

    private static byte[] gameBoyAdvance(String title, String gameCode) {
        byte[] rom = new byte[64 * 1024];
        System.arraycopy(title.getBytes(StandardCharsets.US_ASCII), 0, rom, 0xA0, title.length());
        System.arraycopy(gameCode.getBytes(StandardCharsets.US_ASCII), 0, rom, 0xAC, 4);
        rom[0xB2] = (byte) 0x96;
        int complement = 0;
        for (int i = 0xA0; i <= 0xBC; i++) {
            complement -= rom[i] & 0xFF;
        }
        rom[0xBD] = (byte) ((complement - 0x19) & 0xFF);
        return rom;
    }

    private static byte[] megaDrive(String title, String serial, String region, String copyright) {
        byte[] rom = new byte[128 * 1024];
        Arrays.fill(rom, 0x100, 0x200, (byte) ' ');
        put(rom, 0x100, "SEGA MEGA DRIVE");
        put(rom, 0x110, copyright);
        put(rom, 0x120, title);
        put(rom, 0x150, title);
        put(rom, 0x180, serial);
        put(rom, 0x1F0, region);
        return rom;
    }

    private static void put(byte[] rom, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, rom, at, bytes.length);
    }

    /** ISO 9660 with 2048-byte sectors: PVD at 16, terminator at 17, root directory at 18, SYSTEM.CNF at 19. */
    private static byte[] iso9660WithSystemCnf(String systemCnf) {
        byte[] content = systemCnf.getBytes(StandardCharsets.US_ASCII);
        byte[] iso = new byte[24 * 2048];
        int pvd = 16 * 2048;
        iso[pvd] = 1;
        put(iso, pvd + 1, "CD001");
        iso[pvd + 6] = 1;
        bothEndian16(iso, pvd + 128, 2048);
        directoryRecord(iso, pvd + 156, 18, 2048, true, new byte[] {0});
        iso[17 * 2048] = (byte) 255;
        put(iso, 17 * 2048 + 1, "CD001");
        int next = directoryRecord(iso, 18 * 2048, 18, 2048, true, new byte[] {0});
        next = directoryRecord(iso, next, 18, 2048, true, new byte[] {1});
        directoryRecord(iso, next, 19, content.length, false, "SYSTEM.CNF;1".getBytes(StandardCharsets.US_ASCII));
        System.arraycopy(content, 0, iso, 19 * 2048, content.length);
        return iso;
    }

    /** The image as raw Mode 2 sectors: sync, header, 8-byte subheader, 2048 bytes of data, zeroed EDC/ECC. */
    private static byte[] raw2352(byte[] iso) {
        int sectors = iso.length / 2048;
        byte[] raw = new byte[sectors * 2352];
        for (int s = 0; s < sectors; s++) {
            int at = s * 2352;
            Arrays.fill(raw, at + 1, at + 11, (byte) 0xFF);
            raw[at + 15] = 2;
            System.arraycopy(iso, s * 2048, raw, at + 24, 2048);
        }
        return raw;
    }

    private static int directoryRecord(byte[] image, int at, int lba, int size, boolean directory, byte[] name) {
        int length = 33 + name.length + (name.length % 2 == 0 ? 1 : 0);
        image[at] = (byte) length;
        bothEndian32(image, at + 2, lba);
        bothEndian32(image, at + 10, size);
        image[at + 25] = (byte) (directory ? 0x02 : 0x00);
        image[at + 32] = (byte) name.length;
        System.arraycopy(name, 0, image, at + 33, name.length);
        return at + length;
    }

    private static void bothEndian32(byte[] image, int at, int value) {
        for (int i = 0; i < 4; i++) {
            image[at + i] = (byte) (value >> (8 * i));
            image[at + 7 - i] = (byte) (value >> (8 * i));
        }
    }

    private static void bothEndian16(byte[] image, int at, int value) {
        image[at] = (byte) value;
        image[at + 1] = (byte) (value >> 8);
        image[at + 2] = (byte) (value >> 8);
        image[at + 3] = (byte) value;
    }
}
