package org.omnilux.api.library;

import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The artwork store: posters and covers served at {@code /artwork/<name>}.
 *
 * @since 1.0
 */
@ProviderType
public interface ArtworkService {

    /**
     * @param name a name as found in a {@code posterUrl}; anything else (path separators, dots leading out of
     *        the store) finds nothing
     * @return the stored image, or empty
     */
    Optional<Path> find(String name);
}
