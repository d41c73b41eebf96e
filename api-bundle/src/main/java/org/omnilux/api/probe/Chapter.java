package org.omnilux.api.probe;

import org.osgi.dto.DTO;

/**
 * A chapter mark.
 *
 * @since 1.0
 */
public class Chapter extends DTO {
    public String title;
    /** Start in seconds. */
    public double start;
    /** End in seconds. */
    public double end;
}
