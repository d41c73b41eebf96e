package org.omnilux.core.internal.artwork;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

import org.omnilux.api.library.ArtworkService;
import org.omnilux.core.internal.auth.Tokens;
import org.omnilux.core.internal.persistence.DataDirs;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Content-addressed artwork store under {@code <dataDir>/artwork}: {@code <sha256>.<ext>}, the extension taken
 * from the image's magic bytes. Identical images are stored once.
 */
@Component(service = {ArtworkService.class, ArtworkServiceImpl.class})
public final class ArtworkServiceImpl implements ArtworkService {
    private static final Pattern NAME = Pattern.compile("^[0-9a-f]{64}\\.(jpg|png|webp|gif)$");
    /** Larger "images" are not artwork. */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    public static final String URL_PREFIX = "/artwork/";

    private final Path store;

    @Activate
    public ArtworkServiceImpl(BundleContext context) {
        this(DataDirs.resolve(context).resolve("artwork"));
    }

    public ArtworkServiceImpl(Path store) {
        this.store = store.toAbsolutePath().normalize();
    }

    @Override
    public Optional<Path> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path p = store.resolve(name).normalize();
        if (!p.getParent().equals(store) || !Files.isRegularFile(p)) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /** @return the {@code posterUrl} of the stored image, or empty when the file is not a known image type */
    public Optional<String> store(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return store(in.readNBytes((int) MAX_BYTES + 1));
        }
    }

    /** @return the {@code posterUrl} of the stored image, or empty when the bytes are not a known image type */
    public Optional<String> store(byte[] image) throws IOException {
        if (image == null || image.length == 0 || image.length > MAX_BYTES) {
            return Optional.empty();
        }
        String ext = extension(image);
        if (ext == null) {
            return Optional.empty();
        }
        String name = Tokens.sha256Hex(image) + "." + ext;
        Path target = store.resolve(name);
        if (!Files.exists(target)) {
            Files.createDirectories(store);
            Path tmp = Files.createTempFile(store, ".incoming-", ".tmp");
            try {
                Files.write(tmp, image);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return Optional.of(URL_PREFIX + name);
    }

    /** @return {@code jpg}, {@code png}, {@code webp}, {@code gif}, or {@code null} for anything else */
    static String extension(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "jpg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "png";
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9')
                && b[5] == 'a') {
            return "gif";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return "webp";
        }
        return null;
    }

    public Path storeDir() {
        return store;
    }
}
