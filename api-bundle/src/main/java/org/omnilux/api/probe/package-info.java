/**
 * The shared probing service of the core: container and stream details of audio and video files, already
 * normalised the way the Library API shows them.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.omnilux.api.probe;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
