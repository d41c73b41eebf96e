package org.omnilux.api.scanner;

import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Recognises the files of one or more media types. Implemented by plugins and registered as an OSGi service.
 *
 * <p><b>Threading:</b> the core calls {@link #accepts} and {@link #recognise} from its own scan pool, possibly
 * concurrently for different files. Implementations must be thread-safe, must not start threads of their own
 * and must return promptly (the work for one file, bounded by the file's size and the probe).
 *
 * <p><b>Lifecycle:</b> a scanner may be unregistered at any time, even while a scan is running; the core
 * then stops calling it and finishes the job without it.
 *
 * @since 1.0
 */
@ConsumerType
public interface MediaScanner {

    /**
     * Describes what this scanner handles. Called when the service is bound, and again whenever its service
     * properties change: a scanner whose configuration changes what it declares (its extensions, say) makes the
     * core read it again by changing its service properties — Declarative Services does this for a component
     * after its {@code @Modified} method, since a component's configuration is part of its service properties.
     * Between two such changes the answer must stay the same.
     *
     * @return the media types and file extensions this scanner handles, never {@code null}
     */
    ScannerDescriptor descriptor();

    /**
     * Cheap pre-filter called for every file found under a root of one of this scanner's media types.
     * Must not do I/O beyond looking at the path.
     *
     * <p>The core never offers a hidden file: neither a file whose name starts with {@code "."} (a macOS
     * {@code ._name} shadow, say) nor any file inside a folder below the root whose name starts with {@code "."}
     * ({@code .Trash}, {@code .git}); the root's own name and the folders above it do not count. A scanner need
     * not check for them. The entries of {@link ScanContext#siblings()} are not filtered so: a scanner that picks
     * files from them (the parts of a book, say) skips dot-names itself.
     *
     * @param file an absolute path of a regular file
     * @param root the absolute path of the library root the file was found under
     * @return {@code true} when {@link #recognise} should be called for the file
     */
    boolean accepts(Path file, Path root);

    /**
     * Reads one file and describes it.
     *
     * @param context the file, its root, its siblings and the shared services of the core
     * @return the recognised media, or empty when the file is not a library item of this type (an extra, a
     *         sample, a sidecar)
     * @throws MediaScanException when the file cannot be read or understood; the core records the message
     *         as an error of the scan job and goes on with the next file
     */
    Optional<MediaRecord> recognise(ScanContext context) throws MediaScanException;
}
