package org.omnilux.api.library;

import java.util.List;

/**
 * A plugin bundle: one installed from the bundles folder, or any bundle that registers a scanner.
 *
 * @param id the bundle symbolic name
 * @param name the bundle name, else its symbolic name
 * @param version the bundle version
 * @param mediaTypes the media types its scanner handles; for a plugin that is not active, what its scanner declared
 *        when it was last seen, else empty
 * @param state {@code active} (its scanner service is registered), {@code starting} or
 *        {@code stopping} (transient), {@code stopped} (resolved, not started), {@code failed to resolve},
 *        {@code failed to activate}, or {@code no scanner} (active, registers no scanner)
 * @param reason why it is not {@code active} (the missing requirement, the activation failure, ...); {@code null}
 *        when active
 * @param extensions the file name extensions its active scanners declare now (informative: a scanner's
 *        configuration may change them while it runs); empty when it is not active
 * @since 1.0 ({@code reason} since 1.1, {@code extensions} since 1.2)
 */
public record PluginInfo(String id, String name, String version, List<String> mediaTypes, String state,
        String reason, List<String> extensions) {

    /**
     * A plugin without extensions, as in 1.1.
     *
     * @since 1.1
     */
    public PluginInfo(String id, String name, String version, List<String> mediaTypes, String state,
            String reason) {
        this(id, name, version, mediaTypes, state, reason, List.of());
    }

    /**
     * A plugin without a reason, as in 1.0.
     *
     * @since 1.0
     */
    public PluginInfo(String id, String name, String version, List<String> mediaTypes, String state) {
        this(id, name, version, mediaTypes, state, null, List.of());
    }
}
