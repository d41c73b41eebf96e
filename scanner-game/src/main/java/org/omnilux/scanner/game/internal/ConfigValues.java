package org.omnilux.scanner.game.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the list options of the scanner's configuration. A list may come as one string ({@code mkv, mp4} in a
 * {@code .cfg} file) or as an array (a configuration tool): every element is split on commas, so both work.
 */
final class ConfigValues {

    private ConfigValues() {
    }

    /** @return file name extensions: lower case, without a leading dot, blanks and repeats dropped, in order */
    static List<String> extensions(String[] values) {
        List<String> out = new ArrayList<>();
        for (String item : items(values)) {
            String extension = item.toLowerCase(Locale.ROOT);
            while (extension.startsWith(".")) {
                extension = extension.substring(1);
            }
            if (!extension.isEmpty() && !extension.contains("/") && !out.contains(extension)) {
                out.add(extension);
            }
        }
        return List.copyOf(out);
    }

    /** @return names compared ignoring case: lower case, trimmed, blanks and repeats dropped, in order */
    static List<String> names(String[] values) {
        Set<String> out = new LinkedHashSet<>();
        for (String item : items(values)) {
            out.add(item.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(out);
    }

    /** @return the trimmed, non-blank items of every element split on commas */
    static List<String> items(String[] values) {
        List<String> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String item : value.split(",")) {
                String trimmed = item.strip();
                if (!trimmed.isEmpty()) {
                    out.add(trimmed);
                }
            }
        }
        return out;
    }
}
