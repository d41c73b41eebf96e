package org.omnilux.api.scanner;

import java.util.ArrayList;
import java.util.List;

import org.osgi.dto.DTO;

/**
 * What a {@link MediaScanner} handles: its media types, with the metadata fields each type has.
 *
 * @since 1.0
 */
public class ScannerDescriptor extends DTO {

    /** The media types this scanner recognises, e.g. {@code movie}. Lower case, {@code [a-z][a-z0-9-]*}. */
    public List<MediaTypeDescriptor> mediaTypes = new ArrayList<>();

    /** File name extensions without the dot, lower case, e.g. {@code mkv}; informative (the API lists them). */
    public List<String> extensions = new ArrayList<>();
}
