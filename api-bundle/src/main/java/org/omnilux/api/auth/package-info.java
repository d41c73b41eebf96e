/**
 * Users, passwords and bearer tokens. Implemented by the core only.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.omnilux.api.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
