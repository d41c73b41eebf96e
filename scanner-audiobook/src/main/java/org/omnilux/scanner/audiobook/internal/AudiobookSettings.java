package org.omnilux.scanner.audiobook.internal;

import java.util.List;

/**
 * The audiobook scanner's options as it uses them, read from its {@link AudiobookScanner.Config}. Immutable: a
 * configuration change makes a new one, which the scanner swaps in whole.
 *
 * @param extensions     the audio extensions taken (books and their parts), in the order the descriptor lists them
 * @param coverNames     lower-case names (without extension) of cover images in a book folder, preferred first
 * @param embeddedCovers whether a picture in the tags is the cover
 */
record AudiobookSettings(List<String> extensions, List<String> coverNames, boolean embeddedCovers) {

    static final String DEFAULT_EXTENSIONS = "m4b, m4a, mp3, aac, ogg, oga, opus, flac, wma, wav, mka";
    static final String DEFAULT_COVER_NAMES = "cover, folder, front, poster";

    static final AudiobookSettings DEFAULTS = new AudiobookSettings(
            ConfigValues.extensions(new String[] {DEFAULT_EXTENSIONS}),
            ConfigValues.names(new String[] {DEFAULT_COVER_NAMES}), true);

    AudiobookSettings {
        extensions = List.copyOf(extensions);
        coverNames = List.copyOf(coverNames);
    }

    static AudiobookSettings from(AudiobookScanner.Config config) {
        return new AudiobookSettings(ConfigValues.extensions(config.extensions()),
                ConfigValues.names(config.coverNames()), config.embeddedCovers());
    }

    boolean accepts(String extension) {
        return extensions.contains(extension);
    }
}
