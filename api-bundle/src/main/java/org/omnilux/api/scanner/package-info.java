/**
 * The scanner SPI: what a media-type plugin implements.
 *
 * <p>A plugin bundle registers one or more {@link org.omnilux.api.scanner.MediaScanner} services. The core
 * tracks them dynamically: a scanner that appears makes its media types available at once, one that leaves
 * takes them away while the files already recorded for those types stay in the library.
 *
 * <p>Plugins import this package only (and {@code org.omnilux.api.probe} when they need stream details);
 * they export nothing, never touch the database and start no threads.
 *
 * @since 1.0
 */
@Export
@Version("1.1.0")
package org.omnilux.api.scanner;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
