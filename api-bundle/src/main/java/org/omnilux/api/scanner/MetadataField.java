package org.omnilux.api.scanner;

import org.osgi.dto.DTO;

/**
 * A metadata field of a media type: its name in the API's {@code metadata} object and its value type.
 *
 * @since 1.0
 */
public class MetadataField extends DTO {

    /** The value types a metadata field may have, as JSON sees them. */
    public enum Type {
        /** a JSON string */
        STRING,
        /** a JSON integer */
        INTEGER,
        /** a JSON number */
        DECIMAL,
        /** a JSON boolean */
        BOOLEAN,
        /** a JSON string holding an ISO-8601 date, {@code 2024-01-15} */
        DATE,
        /** a JSON array of strings */
        STRING_LIST,
        /** a JSON array of objects (e.g. chapters), written back as given */
        OBJECT_LIST
    }

    /** The field name, e.g. {@code overview}. */
    public String name;

    /** The value type. */
    public Type type;

    public MetadataField() {
    }

    public MetadataField(String name, Type type) {
        this.name = name;
        this.type = type;
    }

    /** Shorthand for a field declaration. */
    public static MetadataField of(String name, Type type) {
        return new MetadataField(name, type);
    }
}
