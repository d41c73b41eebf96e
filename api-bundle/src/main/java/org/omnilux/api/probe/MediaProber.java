package org.omnilux.api.probe;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads the container and streams of an audio or video file. Provided by the core, which bounds how many
 * probes run at once; scanners call it instead of starting processes of their own.
 *
 * <p>Thread-safe. A call blocks until the probe is done or has timed out.
 *
 * @since 1.0
 */
@ProviderType
public interface MediaProber {

    /**
     * @param file an absolute path of a readable regular file
     * @return the normalised result, never {@code null}
     * @throws ProbeException when the file cannot be read or is not a media file the prober understands
     */
    ProbeResult probe(Path file) throws ProbeException;
}
