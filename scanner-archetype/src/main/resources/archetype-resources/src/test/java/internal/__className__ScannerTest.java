package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.scanner.testkit.TestConfigurations;
import org.omnilux.scanner.testkit.TestScanContext;

/** What the scanner makes of real image files: an example of a plain JUnit test of a scanner, no OSGi needed. */
class ${className}ScannerTest {

    @TempDir
    Path root;

    private final ${className}Scanner scanner = scanner(Map.of());

    /** The scanner as DS makes it from a configuration file with these properties (the rest at their defaults). */
    private static ${className}Scanner scanner(Map<String, ?> properties) {
        return new ${className}Scanner(TestConfigurations.of(${className}Scanner.Config.class, properties));
    }

    private Optional<MediaRecord> recognise(${className}Scanner scanner, Path file) throws MediaScanException {
        return scanner.recognise(TestScanContext.builder(file).root(root).mediaType("${mediaType}").build());
    }

    @Test
    void readsThePixelSizeOfEachFormat() throws Exception {
        MediaRecord jpeg = recognise(scanner, Images.write(root.resolve("Holiday 2024/beach.jpg"), "jpeg", 640, 480))
                .orElseThrow();
        assertEquals("beach", jpeg.title);
        assertEquals("jpeg", jpeg.container);
        assertEquals(640, jpeg.metadata.get("width"));
        assertEquals(480, jpeg.metadata.get("height"));
        assertEquals("Holiday 2024", jpeg.metadata.get("album"));

        MediaRecord png = recognise(scanner, Images.write(root.resolve("portrait.png"), "png", 300, 451)).orElseThrow();
        assertEquals("png", png.container);
        assertEquals(300, png.metadata.get("width"));
        assertEquals(451, png.metadata.get("height"));
        assertFalse(png.metadata.containsKey("album"), "a photo at the top of the root has no album");

        MediaRecord gif = recognise(scanner, Images.write(root.resolve("anim/loop.gif"), "gif", 120, 90)).orElseThrow();
        assertEquals("gif", gif.container);
        assertEquals(120, gif.metadata.get("width"));
        assertEquals(90, gif.metadata.get("height"));
    }

    @Test
    void iconsAndThumbnailsAreNoItems() throws Exception {
        Path icon = Images.write(root.resolve("favicon.png"), "png", 32, 32);
        assertTrue(recognise(scanner, icon).isEmpty());
        assertTrue(recognise(scanner, Images.write(root.resolve("strip.png"), "png", 800, 40)).isEmpty());
        assertEquals(32, recognise(scanner(Map.of("minimumSide", "0")), icon).orElseThrow().metadata.get("width"),
                "minimumSide=0 takes icons too");
    }

    @Test
    void damagedFilesAreErrorsThatNameTheProblem() throws Exception {
        Path jpeg = Images.write(root.resolve("full.jpg"), "jpeg", 640, 480);
        Path truncated = Files.write(root.resolve("truncated.jpg"), Arrays.copyOf(Files.readAllBytes(jpeg), 40));
        MediaScanException noFrame = assertThrows(MediaScanException.class, () -> recognise(scanner, truncated));
        assertTrue(noFrame.getMessage().contains("frame header"), noFrame.getMessage());

        Path text = Files.writeString(root.resolve("notes.png"), "not an image at all");
        MediaScanException notImage = assertThrows(MediaScanException.class, () -> recognise(scanner, text));
        assertEquals("not a PNG, JPEG or GIF image", notImage.getMessage());
    }

    @Test
    void acceptsDeclaredExtensions() {
        assertTrue(scanner.accepts(root.resolve("a/b/IMG_0001.JPG"), root));
        assertFalse(scanner.accepts(root.resolve("a/b/clip.mp4"), root));
        assertFalse(scanner.accepts(root.resolve("a/b/jpg"), root));
    }

    @Test
    void aConfigurationChangeAppliesToTheNextFile() {
        assertEquals(List.of("jpg", "jpeg", "png", "gif"), scanner.descriptor().extensions);
        ${className}Scanner configured = scanner(Map.of());
        // as in a .cfg file: one string, commas between the values
        configured.modified(TestConfigurations.of(${className}Scanner.Config.class, Map.of("extensions", "PNG, .webp")));
        assertEquals(List.of("png", "webp"), configured.descriptor().extensions);
        assertTrue(configured.accepts(root.resolve("a.webp"), root));
        assertFalse(configured.accepts(root.resolve("a.jpg"), root));
    }
}
