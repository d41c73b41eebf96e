package ${package}.internal;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.omnilux.api.scanner.MediaRecord;
import org.omnilux.api.scanner.MediaScanException;
import org.omnilux.api.scanner.MediaScanner;
import org.omnilux.api.scanner.MediaTypeDescriptor;
import org.omnilux.api.scanner.MetadataField;
import org.omnilux.api.scanner.ScanContext;
import org.omnilux.api.scanner.ScannerDescriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@code ${mediaType}} media type: image files, with their pixel size read from the file header and the
 * folder they are in as the album.
 *
 * <p>Registered as a {@link MediaScanner} service by Declarative Services. The core calls it from its own scan
 * pool, possibly for several files at once: it keeps no mutable state but its immutable settings, starts no
 * threads and reads only the first bytes of each file. It returns plain DTOs and never sees the database.
 *
 * <p>Its options are typed configuration: a file {@code config/${package}.cfg} in the server's config folder,
 * e.g. {@code minimumSide=32}, is applied while the server runs, from the next file scanned on ({@link #modified}:
 * the service stays registered, so a running scan goes on).
 */
@Component(service = MediaScanner.class, configurationPid = ${className}Scanner.PID)
@Designate(ocd = ${className}Scanner.Config.class)
public class ${className}Scanner implements MediaScanner {

    static final String PID = "${package}";
    static final String MEDIA_TYPE = "${mediaType}";

    @ObjectClassDefinition(id = PID, name = "OmniLux ${mediaType} scanner",
            description = "Which files are ${mediaType} items. Changes apply to the next file scanned.")
    public @interface Config {
        // one string, split at commas: a .cfg file gives every value as a single string
        @AttributeDefinition(name = "Extensions", description = "File name extensions, separated by commas")
        String[] extensions() default "jpg, jpeg, png, gif";

        @AttributeDefinition(name = "Minimum side (pixels)", min = "0", description = "Images whose shorter side"
                + " has fewer pixels are icons or thumbnails, not library items")
        int minimumSide() default 64;
    }

    /** The options as the scanner uses them: immutable, swapped in whole when the configuration changes. */
    record Settings(List<String> extensions, Set<String> extensionSet, int minimumSide) {

        static Settings from(Config config) {
            List<String> extensions = new ArrayList<>();
            for (String value : config.extensions()) {
                for (String extension : value.split(",")) {
                    String clean = extension.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
                    if (!clean.isEmpty() && !extensions.contains(clean)) {
                        extensions.add(clean);
                    }
                }
            }
            return new Settings(List.copyOf(extensions), Set.copyOf(extensions), Math.max(0, config.minimumSide()));
        }
    }

    private volatile Settings settings;

    @Activate
    public ${className}Scanner(Config config) {
        settings = Settings.from(config);
    }

    @Modified
    void modified(Config config) {
        settings = Settings.from(config);
    }

    @Override
    public ScannerDescriptor descriptor() {
        // a fresh object on every call: DTOs are mutable and the core may keep the one it got
        ScannerDescriptor descriptor = new ScannerDescriptor();
        descriptor.mediaTypes.add(new MediaTypeDescriptor(MEDIA_TYPE, List.of(
                MetadataField.of("width", MetadataField.Type.INTEGER),
                MetadataField.of("height", MetadataField.Type.INTEGER),
                MetadataField.of("album", MetadataField.Type.STRING))));
        descriptor.extensions.addAll(settings.extensions());
        return descriptor;
    }

    @Override
    public boolean accepts(Path file, Path root) {
        // the path only: this is called for every file of the root, and must not touch the disk. Dot-files and
        // files in dot-folders (macOS "._" shadows, .Trash) never get here: the core skips them.
        String name = fileName(file);
        int dot = name.lastIndexOf('.');
        return dot > 0 && settings.extensionSet().contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<MediaRecord> recognise(ScanContext context) throws MediaScanException {
        Path file = context.file();
        Settings settings = this.settings; // one configuration for the whole file
        if (context.sizeBytes() == 0) {
            throw new MediaScanException("empty file");
        }
        ImageHeaders.Header header;
        try {
            header = ImageHeaders.read(file);
        } catch (NoSuchFileException e) {
            throw new MediaScanException("the file vanished while it was scanned", e);
        } catch (IOException e) {
            throw new MediaScanException("cannot read the file: " + e.getMessage(), e);
        }
        if (Math.min(header.width(), header.height()) < settings.minimumSide()) {
            return Optional.empty(); // an icon or a thumbnail: not an item of the library
        }

        MediaRecord record = new MediaRecord();
        String name = fileName(file);
        int dot = name.lastIndexOf('.');
        record.title = dot > 0 ? name.substring(0, dot) : name;
        record.container = header.format();
        // metadata: only the fields the descriptor declares, with their declared types; leave out what is unknown
        record.metadata.put("width", header.width());
        record.metadata.put("height", header.height());
        Path folder = file.getParent();
        if (folder != null && !folder.equals(context.root())) {
            record.metadata.put("album", fileName(folder));
        }
        return Optional.of(record);
    }

    private static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? "" : name.toString();
    }
}
