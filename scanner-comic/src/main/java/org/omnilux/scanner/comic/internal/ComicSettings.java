package org.omnilux.scanner.comic.internal;

import java.time.Duration;
import java.util.List;

/**
 * The comic scanner's options as it uses them, read from its {@link ComicScanner.Config}. Immutable: a
 * configuration change makes a new one, which the scanner swaps in whole.
 *
 * @param extensions    the archive extensions taken, in the order the descriptor lists them
 * @param covers        whether the cover page is read
 * @param bsdtar        name on the PATH or path of bsdtar
 * @param bsdtarTimeout how long one bsdtar run may take
 */
record ComicSettings(List<String> extensions, boolean covers, String bsdtar, Duration bsdtarTimeout) {

    static final String DEFAULT_EXTENSIONS = "cbz, cbr, cb7, cbt";

    static final ComicSettings DEFAULTS = new ComicSettings(ConfigValues.extensions(new String[] {DEFAULT_EXTENSIONS}),
            true, "bsdtar", Duration.ofSeconds(30));

    ComicSettings {
        extensions = List.copyOf(extensions);
        bsdtar = bsdtar == null || bsdtar.isBlank() ? "bsdtar" : bsdtar.strip();
    }

    static ComicSettings from(ComicScanner.Config config) {
        return new ComicSettings(ConfigValues.extensions(config.extensions()), config.covers(), config.bsdtarPath(),
                Duration.ofSeconds(Math.max(1, config.bsdtarTimeoutSeconds())));
    }

    boolean accepts(String extension) {
        return extensions.contains(extension);
    }
}
