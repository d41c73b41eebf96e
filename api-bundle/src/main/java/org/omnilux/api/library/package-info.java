/**
 * The library services the core provides (roots, files, metadata, scans, statistics, plugins, artwork) and their immutable views. Used by the REST bundle; implemented by the core only.
 *
 * @since 1.0
 */
@Export
@Version("1.2.0")
package org.omnilux.api.library;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
