package ${package}.internal;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@code ${mediaType}} media type: image files, with their pixel size read from the file header and the
 * folder they are in as the album.
 *
 * <p>Registered as a {@link MediaScanner} service by Declarative Services. The core calls it from its own scan
 * pool, possibly for several files at once: it keeps no mutable state, starts no threads and reads only the
 * first bytes of each file. It returns plain DTOs and never sees the database.
 *
 * <p>Its options are typed configuration: a file {@code config/${package}.cfg} in the server's config folder,
 * e.g. {@code minimumSide=32}, is picked up while the server runs (DS then replaces this component).
 */
@Component(service = MediaScanner.class, configurationPid = ${className}Scanner.PID)
@Designate(ocd = ${className}Scanner.Config.class)
public class ${className}Scanner implements MediaScanner {

    static final String PID = "${package}";
    static final String MEDIA_TYPE = "${mediaType}";

    @ObjectClassDefinition(name = "OmniLux ${mediaType} scanner")
    public @interface Config {
        @AttributeDefinition(description = "File extensions (lower case, without the dot) this scanner reads")
        String[] extensions() default {"jpg", "jpeg", "png", "gif"};

        @AttributeDefinition(description = "Images whose shorter side has fewer pixels are icons or thumbnails,"
                + " not library items")
        int minimumSide() default 64;
    }

    private final List<String> extensions;
    private final Set<String> extensionSet;
    private final int minimumSide;

    @Activate
    public ${className}Scanner(Config config) {
        this(List.of(config.extensions()), config.minimumSide());
    }

    /** For tests: the options without the configuration annotation. */
    ${className}Scanner(List<String> extensions, int minimumSide) {
        this.extensions = extensions.stream().map(e -> e.toLowerCase(Locale.ROOT)).distinct().toList();
        this.extensionSet = Set.copyOf(this.extensions);
        this.minimumSide = minimumSide;
    }

    @Override
    public ScannerDescriptor descriptor() {
        // a fresh object on every call: DTOs are mutable and the core may keep the one it got
        ScannerDescriptor descriptor = new ScannerDescriptor();
        descriptor.mediaTypes.add(new MediaTypeDescriptor(MEDIA_TYPE, List.of(
                MetadataField.of("width", MetadataField.Type.INTEGER),
                MetadataField.of("height", MetadataField.Type.INTEGER),
                MetadataField.of("album", MetadataField.Type.STRING))));
        descriptor.extensions.addAll(extensions);
        return descriptor;
    }

    @Override
    public boolean accepts(Path file, Path root) {
        // the path only: this is called for every file of the root, and must not touch the disk
        String name = fileName(file);
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || !extensionSet.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return false;
        }
        Path relative = root != null && file.startsWith(root) ? root.relativize(file) : file.getFileName();
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false; // dot-files, macOS "._" shadows, .Trash
            }
        }
        return true;
    }

    @Override
    public Optional<MediaRecord> recognise(ScanContext context) throws MediaScanException {
        Path file = context.file();
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
        if (Math.min(header.width(), header.height()) < minimumSide) {
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
