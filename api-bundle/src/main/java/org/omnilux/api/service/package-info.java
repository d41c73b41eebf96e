/**
 * Errors and health shared by the core's services. Each exception maps to one HTTP status in the REST layer.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.omnilux.api.service;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
