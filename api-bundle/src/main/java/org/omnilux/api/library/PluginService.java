package org.omnilux.api.library;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The scanner plugins installed now.
 *
 * @since 1.0
 */
@ProviderType
public interface PluginService {

    List<PluginInfo> plugins();
}
