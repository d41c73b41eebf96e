package org.omnilux.scanner.book.internal;

import java.util.List;

/**
 * The book scanner's options as it uses them, read from its {@link BookScanner.Config}. Immutable: a configuration
 * change makes a new one, which the scanner swaps in whole.
 *
 * @param extensions the e-book extensions taken, in the order the descriptor lists them
 * @param covers     whether covers are read from the books
 */
record BookSettings(List<String> extensions, boolean covers) {

    static final String DEFAULT_EXTENSIONS = "epub, pdf, mobi, azw3, azw, fb2, txt, djvu";

    static final BookSettings DEFAULTS = new BookSettings(ConfigValues.extensions(new String[] {DEFAULT_EXTENSIONS}),
            true);

    BookSettings {
        extensions = List.copyOf(extensions);
    }

    static BookSettings from(BookScanner.Config config) {
        return new BookSettings(ConfigValues.extensions(config.extensions()), config.covers());
    }

    boolean accepts(String extension) {
        return extensions.contains(extension);
    }
}
