package org.omnilux.api.library;

import java.util.List;

/**
 * An installed scanner bundle.
 *
 * @param id the bundle symbolic name
 * @param state {@code active}, or what keeps it from being so
 * @since 1.0
 */
public record PluginInfo(String id, String name, String version, List<String> mediaTypes, String state) {
}
