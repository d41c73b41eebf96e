package org.omnilux.api.scanner;

import java.util.ArrayList;
import java.util.List;

import org.osgi.dto.DTO;

/**
 * One media type and the metadata fields its files carry. The core accepts edits only of the fields declared
 * here (plus the common {@code title} and {@code year}), with the declared value types.
 *
 * @since 1.0
 */
public class MediaTypeDescriptor extends DTO {

    /** The media type name, e.g. {@code movie}. */
    public String name;

    /** The metadata fields of this type, in the order clients should show them. */
    public List<MetadataField> fields = new ArrayList<>();

    public MediaTypeDescriptor() {
    }

    public MediaTypeDescriptor(String name, List<MetadataField> fields) {
        this.name = name;
        this.fields = new ArrayList<>(fields);
    }
}
