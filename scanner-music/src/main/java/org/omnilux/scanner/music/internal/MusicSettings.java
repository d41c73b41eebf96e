package org.omnilux.scanner.music.internal;

import java.util.List;

/**
 * The music scanner's options as it uses them, read from its {@link MusicScanner.Config}. Immutable: a
 * configuration change makes a new one, which the scanner swaps in whole.
 *
 * @param extensions     the audio extensions taken, in the order the descriptor lists them
 * @param coverNames     lower-case names (without extension) of cover images in an album folder, preferred first
 * @param embeddedCovers whether a picture in the tags is the cover
 * @param probeAlways    whether ffprobe describes the streams even of files whose tag reader already did
 * @param coverFinder    the cover finder for these names
 */
record MusicSettings(List<String> extensions, List<String> coverNames, boolean embeddedCovers, boolean probeAlways,
        CoverFinder coverFinder) {

    static final String DEFAULT_EXTENSIONS = "mp3, flac, m4a, aac, ogg, oga, opus, wma, wav, aif, aiff, aifc, alac, "
            + "ape, wv, mka, dsf, dff, mpc, tta";

    static final MusicSettings DEFAULTS = new MusicSettings(ConfigValues.extensions(new String[] {DEFAULT_EXTENSIONS}),
            ConfigValues.names(new String[] {CoverFinder.DEFAULT_BASE_NAMES}), true, false, null);

    MusicSettings {
        extensions = List.copyOf(extensions);
        coverNames = List.copyOf(coverNames);
        coverFinder = coverFinder != null ? coverFinder : new CoverFinder(coverNames);
    }

    static MusicSettings from(MusicScanner.Config config) {
        return new MusicSettings(ConfigValues.extensions(config.extensions()), ConfigValues.names(config.coverNames()),
                config.embeddedCovers(), config.probeAlways(), null);
    }

    boolean accepts(String extension) {
        return extensions.contains(extension);
    }
}
