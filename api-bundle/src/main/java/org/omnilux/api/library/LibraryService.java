package org.omnilux.api.library;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Roots, files and their metadata. All methods are thread-safe and may throw
 * {@link org.omnilux.api.service.UnavailableException} while the database is starting.
 *
 * @since 1.0
 */
@ProviderType
public interface LibraryService {

    List<LibraryRoot> roots();

    /**
     * @throws org.omnilux.api.service.InvalidInputException for a path that is not an absolute, existing,
     *         readable directory, a blank name, or a media type no installed scanner handles
     * @throws org.omnilux.api.service.ConflictException for a path equal to, inside or containing another root
     */
    LibraryRoot addRoot(String path, String name, String mediaType);

    /**
     * Removes the root and its files' records; never touches the disk.
     *
     * @throws org.omnilux.api.service.NotFoundException for an unknown id
     */
    void removeRoot(long rootId);

    /** @throws org.omnilux.api.service.InvalidInputException for an unknown media type or root id */
    FilePage files(FileQuery query);

    /** @throws org.omnilux.api.service.NotFoundException for an unknown id */
    LibraryFileDetail file(long fileId);

    /**
     * A partial update of {@code title}, {@code year} and metadata fields; every field written is locked.
     * A {@code null} value clears the field (and locks it).
     *
     * @param changes field name to JSON-like value ({@code String}, {@code Number}, {@code Boolean},
     *        {@code List}, {@code Map}, or {@code null})
     * @throws org.omnilux.api.service.InvalidInputException for an unknown field or a value of the wrong type
     * @throws org.omnilux.api.service.NotFoundException for an unknown id
     */
    LibraryFileDetail updateMetadata(long fileId, Map<String, Object> changes);

    /**
     * @throws org.omnilux.api.service.NotFoundException for an unknown id or a field that is not locked
     */
    void unlockField(long fileId, String field);

    LibraryStats stats();
}
