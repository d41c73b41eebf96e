package org.omnilux.scanner.game.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.api.scanner.MediaTypeDescriptor;
import org.omnilux.api.scanner.MetadataField;
import org.omnilux.api.scanner.MetadataField.Type;
import org.omnilux.api.scanner.ScanContext;
import org.omnilux.api.scanner.ScannerDescriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@code game} media type: ROM dumps and disc images of game consoles.
 *
 * <p><b>Platform</b> ({@link Platform} lists the names shown): what a header proves (a PlayStation 2 boot file,
 * a Game Boy Color-only flag, the {@code SEGA} mark of a Mega Drive {@code .bin}), else the extension when it
 * belongs to one platform ({@code .sfc}, {@code .gba}, {@code .z64}…), else the nearest folder naming a platform
 * ({@code SNES/}, {@code Game Boy Advance/}, {@code psx/}…; the root's own name counts), else nothing: a file with
 * an ambiguous extension ({@code .iso}, {@code .bin}, {@code .chd}) outside a platform folder is listed without a
 * platform. Archives ({@code .zip}, {@code .7z}) are taken only under a platform folder.
 *
 * <p><b>Title, year, region</b> come from the No-Intro/Redump/GoodTools name ({@link GameNameParser}); the
 * header fills {@code internalTitle} and {@code serial}, and the region and year when the name has none. A
 * front end's {@code gamelist.xml} in the game's folder ({@link Gamelist}) gives the title and year first.
 * {@code container} is the file's extension; the prober is never called (it knows no ROM formats).
 *
 * <p><b>One game, one item:</b> a CUE sheet or GDI list represents its track files, an M3U playlist the discs it
 * names (and every disc of its set next to it), and without a playlist the first disc present represents a
 * multi-disc set: the other files answer {@link Optional#empty()}.
 *
 * <p>Configured under the PID {@value #PID} ({@link Config}): extensions, folder names of one's own for platforms,
 * archives outside platform folders. A change applies from the next file on, without re-registering the service,
 * so a running scan goes on.
 *
 * <p>Thread-safe: the core may call it from several scan threads at once; its only state is the immutable
 * {@link GameSettings} of the current configuration.
 */
@Component(service = MediaScanner.class, configurationPid = GameScanner.PID)
@Designate(ocd = GameScanner.Config.class)
public class GameScanner implements MediaScanner {

    static final String PID = "org.omnilux.scanner.game";
    static final String MEDIA_TYPE = "game";

    @ObjectClassDefinition(id = PID, name = "OmniLux game scanner",
            description = "Which files are games and which folders name their platforms. Changes apply to the next "
                    + "file scanned.")
    public @interface Config {
        @AttributeDefinition(name = "Extensions",
                description = "File name extensions of ROMs, disc images and playlists, separated by commas")
        String[] extensions() default GameSettings.DEFAULT_EXTENSIONS;

        @AttributeDefinition(name = "Platform folders", description = "Folder names of your own for platforms, as "
                + "folder=platform separated by commas (e.g. 'Super Famicom JP=snes, Pocket=gba'); the platform "
                + "is any name the scanner knows: 'snes', 'psx', 'Game Boy Advance'. Case, spaces and punctuation "
                + "do not count. An unknown platform is refused: at start the scanner does not start (the reason is "
                + "in /api/plugins); changed while it runs, it keeps its previous settings (the reason is in the log).")
        String[] platformFolders() default {};

        @AttributeDefinition(name = "Archives outside platform folders", description = "Take .zip and .7z files "
                + "outside a platform folder for games too (by default only archives in a platform folder are)")
        boolean looseArchives() default false;
    }
    private static final Set<String> ARCHIVES = Set.of("zip", "7z");
    /** Files a CUE sheet or GDI list may name as its data tracks. */
    private static final Set<String> TRACK_FILES = Set.of("bin", "img", "iso", "raw");
    private static final Set<String> SHEETS = Set.of("cue", "gdi");
    /** Extensions that belong to one platform by default, but that a platform folder may claim for another. */
    private static final Set<String> WEAK_EXTENSIONS = Set.of("cso", "pbp");
    /** Formats that may be one disc of a multi-disc game. */
    private static final Set<String> DISC_FORMATS = Set.of("cue", "gdi", "cdi", "chd", "iso", "bin", "img", "cso",
            "pbp", "rvz", "gcm", "wbfs");
    private static final Set<Platform> CARTRIDGE_PLATFORMS = EnumSet.of(Platform.NES, Platform.SNES, Platform.N64,
            Platform.GAME_BOY, Platform.GAME_BOY_COLOR, Platform.GAME_BOY_ADVANCE, Platform.NINTENDO_DS,
            Platform.NINTENDO_3DS, Platform.SWITCH, Platform.MEGA_DRIVE, Platform.SEGA_32X, Platform.MASTER_SYSTEM,
            Platform.GAME_GEAR, Platform.ATARI_2600);
    private static final Set<Platform> DISC_PLATFORMS = EnumSet.of(Platform.PLAYSTATION, Platform.PLAYSTATION_2,
            Platform.PLAYSTATION_3, Platform.PSP, Platform.GAMECUBE, Platform.WII, Platform.WII_U, Platform.SEGA_CD,
            Platform.SATURN, Platform.DREAMCAST);
    /** Reading every CUE sheet of a folder for every track file would be quadratic: only this many are read. */
    private static final int MAX_SHEETS_READ = 64;

    private final GameNameParser nameParser = new GameNameParser();
    private volatile GameSettings settings;

    /** A scanner with the default configuration (tests). */
    public GameScanner() {
        settings = GameSettings.DEFAULTS;
    }

    @Activate
    public GameScanner(Config config) {
        settings = GameSettings.from(config);
    }

    @Modified
    void modified(Config config) {
        settings = GameSettings.from(config);
    }

    GameSettings settings() {
        return settings;
    }

    @Override
    public ScannerDescriptor descriptor() {
        // a fresh object per call: DTOs are mutable, and the descriptor must never change
        ScannerDescriptor descriptor = new ScannerDescriptor();
        descriptor.mediaTypes.add(new MediaTypeDescriptor(MEDIA_TYPE, List.of(
                MetadataField.of("platform", Type.STRING),
                MetadataField.of("region", Type.STRING),
                MetadataField.of("serial", Type.STRING),
                MetadataField.of("internalTitle", Type.STRING))));
        descriptor.extensions.addAll(settings.extensions());
        return descriptor;
    }

    @Override
    public boolean accepts(Path file, Path root) {
        String extension = FileNames.extension(file);
        GameSettings settings = this.settings;
        if (!settings.accepts(extension)) {
            return false;
        }
        // a zip outside a platform folder is as likely a download as a game
        return !ARCHIVES.contains(extension) || settings.looseArchives()
                || settings.platformByFolders(file, root).isPresent();
    }

    @Override
    public Optional<MediaRecord> recognise(ScanContext context) throws MediaScanException {
        Path file = context.file();
        String fileName = FileNames.name(file);
        String extension = FileNames.extension(fileName);
        ParsedGameName name = nameParser.parse(fileName);
        if (!extension.equals("m3u") && representedElsewhere(context, name, extension)) {
            return Optional.empty();
        }
        if (context.sizeBytes() == 0) {
            throw new MediaScanException("empty file");
        }
        Platform folderPlatform = settings.platformByFolders(file, context.root()).orElse(null);
        Path dataFile = dataFile(file, extension, 0);
        String dataExtension = FileNames.extension(dataFile);
        HeaderInfo header = readHeader(dataFile, dataExtension, folderPlatform);

        Platform extensionPlatform = WEAK_EXTENSIONS.contains(dataExtension) ? null
                : Platform.byExtension(dataExtension).orElse(null);
        Platform platform = firstNonNull(header.platform(), extensionPlatform, folderPlatform,
                Platform.byExtension(dataExtension).orElse(null));

        // a front end's scraped list names the game best: MAME's sf2.zip is "Street Fighter II: The World Warrior"
        Gamelist.Game listed = context.perFolder(Gamelist.FILE_NAME, Gamelist::in).game(fileName);
        MediaRecord record = new MediaRecord();
        record.title = firstNonNull(listed == null ? null : listed.name(), name.title(), header.internalTitle(),
                FileNames.baseName(fileName));
        record.year = firstNonNull(listed == null ? null : listed.year(), name.year(), header.year());
        record.container = extension;
        Map<String, Object> metadata = record.metadata;
        putIfPresent(metadata, "platform", platform == null ? null : platform.displayName());
        putIfPresent(metadata, "region", firstNonNull(name.region(), header.region()));
        putIfPresent(metadata, "serial", header.serial());
        putIfPresent(metadata, "internalTitle", header.internalTitle());
        return Optional.of(record);
    }

    /**
     * Whether another file stands for this one: the CUE sheet or GDI list of a track file, the M3U playlist of a
     * disc, or the first disc of a set without a playlist.
     */
    private boolean representedElsewhere(ScanContext context, ParsedGameName name, String extension) {
        Path file = context.file();
        List<Path> siblings = context.siblings();
        if (TRACK_FILES.contains(extension) && namedBySheet(file, siblings)) {
            return true;
        }
        if (!DISC_FORMATS.contains(extension)) {
            return false;
        }
        for (Path m3u : playlists(file, context.root(), siblings)) {
            if (DiscSets.names(m3u, DiscSets.playlist(m3u), file)) {
                return true;
            }
            if (name.disc() != null && m3u.getParent().equals(file.getParent())
                    && nameParser.parse(FileNames.name(m3u)).setKey().equals(name.setKey())) {
                return true;
            }
        }
        if (name.disc() != null) {
            for (Path sibling : siblings) {
                if (FileNames.extension(sibling).equals(extension)) {
                    ParsedGameName other = nameParser.parse(FileNames.name(sibling));
                    if (other.disc() != null && other.disc() < name.disc() && other.setKey().equals(name.setKey())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean namedBySheet(Path file, List<Path> siblings) {
        String base = FileNames.baseName(FileNames.name(file)).toLowerCase(Locale.ROOT);
        List<Path> likely = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        for (Path sibling : siblings) {
            if (SHEETS.contains(FileNames.extension(sibling))) {
                String sheetBase = FileNames.baseName(FileNames.name(sibling)).toLowerCase(Locale.ROOT);
                if (sheetBase.equals(base)) {
                    return true; // Game.bin next to Game.cue, whatever the sheet says inside
                }
                (base.startsWith(sheetBase) ? likely : others).add(sibling);
            }
        }
        if (likely.size() + others.size() <= MAX_SHEETS_READ) {
            likely.addAll(others);
        }
        for (Path sheet : likely) {
            if (DiscSets.names(sheet, DiscSets.tracks(sheet), file)) {
                return true;
            }
        }
        return false;
    }

    /** The playlists next to the file, and those one folder up when the file lies in a subfolder of the root. */
    private static List<Path> playlists(Path file, Path root, List<Path> siblings) {
        List<Path> playlists = new ArrayList<>();
        for (Path sibling : siblings) {
            if (FileNames.extension(sibling).equals("m3u")) {
                playlists.add(sibling);
            }
        }
        Path folder = file.getParent();
        Path parent = folder == null ? null : folder.getParent();
        if (parent != null && root != null && !folder.equals(root) && parent.startsWith(root)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent,
                    entry -> FileNames.extension(entry).equals("m3u") && Files.isRegularFile(entry))) {
                entries.forEach(playlists::add);
            } catch (IOException e) {
                // an unreadable parent folder has no playlist we could honour
            }
        }
        return playlists;
    }

    /**
     * The file whose header describes the game: a playlist's first disc, a sheet's first track, else the file.
     */
    private Path dataFile(Path file, String extension, int depth) throws MediaScanException {
        List<String> entries;
        String kind;
        if (extension.equals("m3u")) {
            entries = DiscSets.playlist(file);
            kind = "playlist";
        } else if (extension.equals("cue")) {
            entries = DiscSets.tracks(file);
            kind = "cue sheet";
        } else {
            return file;
        }
        if (entries.isEmpty()) {
            throw new MediaScanException("the " + kind + " names no " + (extension.equals("m3u") ? "disc" : "track file"));
        }
        Path first = DiscSets.find(file, entries.get(0));
        if (first == null) {
            throw new MediaScanException("the " + kind + " names " + entries.get(0) + ", which is missing");
        }
        return depth < 2 ? dataFile(first, FileNames.extension(first), depth + 1) : first;
    }

    private static HeaderInfo readHeader(Path file, String extension, Platform folderPlatform)
            throws MediaScanException {
        try (RomFile rom = RomFile.open(file)) {
            if (rom.size() == 0) {
                throw new MediaScanException("empty file: " + FileNames.name(file));
            }
            try {
                return switch (extension) {
                    case "nes" -> CartridgeHeaders.nes(rom);
                    case "sfc", "smc", "swc", "fig" -> CartridgeHeaders.snes(rom);
                    case "gb" -> CartridgeHeaders.gameBoy(rom, Platform.GAME_BOY);
                    case "gbc" -> CartridgeHeaders.gameBoy(rom, Platform.GAME_BOY_COLOR);
                    case "gba" -> CartridgeHeaders.gameBoyAdvance(rom);
                    case "n64", "z64", "v64" -> CartridgeHeaders.nintendo64(rom);
                    case "md", "gen", "32x" -> CartridgeHeaders.megaDrive(rom, false, true);
                    case "smd" -> CartridgeHeaders.megaDrive(rom, true, true);
                    case "nds" -> CartridgeHeaders.nintendoDs(rom);
                    case "gcm" -> disc(rom, Platform.GAMECUBE, true);
                    case "iso", "bin", "img" -> image(rom, extension, folderPlatform);
                    default -> HeaderInfo.NONE;
                };
            } catch (RuntimeException e) {
                return HeaderInfo.NONE; // a header too strange for the readers says nothing; the name still does
            }
        } catch (NoSuchFileException e) {
            throw new MediaScanException("the file vanished while it was scanned", e);
        } catch (IOException e) {
            throw new MediaScanException("cannot read the file: " + e.getMessage(), e);
        }
    }

    /** An {@code .iso}, {@code .bin} or {@code .img}: a disc image, or a Mega Drive ROM dumped as {@code .bin}. */
    private static HeaderInfo image(RomFile rom, String extension, Platform folderPlatform)
            throws IOException, MediaScanException {
        if (folderPlatform == Platform.MEGA_DRIVE || folderPlatform == Platform.SEGA_32X) {
            return extension.equals("iso") ? HeaderInfo.NONE : CartridgeHeaders.megaDrive(rom, false, true);
        }
        if (folderPlatform != null && CARTRIDGE_PLATFORMS.contains(folderPlatform)) {
            return HeaderInfo.NONE; // an Atari 2600 .bin, say: no header to read
        }
        boolean mustBeDisc = extension.equals("iso") || DISC_PLATFORMS.contains(folderPlatform);
        HeaderInfo disc = disc(rom, folderPlatform, mustBeDisc);
        if (disc.isEmpty() && folderPlatform == null && extension.equals("bin")) {
            return CartridgeHeaders.megaDrive(rom, false, false);
        }
        return disc;
    }

    private static HeaderInfo disc(RomFile rom, Platform platform, boolean required)
            throws IOException, MediaScanException {
        if (rom.size() < DiscImages.MIN_ISO_SIZE) {
            if (required) {
                throw new MediaScanException("file too small to be a "
                        + (platform == null ? "" : platform.displayName() + " ") + "disc image");
            }
            return HeaderInfo.NONE;
        }
        return DiscImages.read(rom);
    }

    private static void putIfPresent(Map<String, Object> metadata, String key, Object value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
