package org.omnilux.scanner.tv.internal;

import java.util.List;
import java.util.Set;

/**
 * The TV scanner's options as it uses them, read from its {@link TvScanner.Config}. Immutable: a
 * configuration change makes a new one, which the scanner swaps in whole.
 *
 * @param extensions      the video extensions taken, in the order the descriptor lists them
 * @param extrasFolders   lower-case names of folders holding extras (trailers, featurettes) rather than episodes
 * @param sampleMaxBytes  videos smaller than this are samples and skipped; 0: samples are told by name only
 * @param parser          the name parser for these extras folders
 */
record TvSettings(List<String> extensions, Set<String> extrasFolders, long sampleMaxBytes, TvNameParser parser) {

    static final String DEFAULT_EXTENSIONS = "mkv, mk3d, mp4, m4v, avi, divx, mov, wmv, asf, webm, ts, m2ts, mts, "
            + "mpg, mpeg, flv, f4v, ogv, 3gp, 3g2, rmvb";
    static final String DEFAULT_EXTRAS_FOLDERS = "extras, extra, featurettes, featurette, behind the scenes, "
            + "behindthescenes, deleted scenes, deletedscenes, interviews, interview, scenes, shorts, trailers, trailer, "
            + "clips, other, others, samples, sample, bonus, bonus features";

    static final TvSettings DEFAULTS = new TvSettings(
            ConfigValues.extensions(new String[] {DEFAULT_EXTENSIONS}),
            Set.copyOf(ConfigValues.names(new String[] {DEFAULT_EXTRAS_FOLDERS})), 0, null);

    TvSettings {
        extensions = List.copyOf(extensions);
        extrasFolders = Set.copyOf(extrasFolders);
        parser = parser != null ? parser : new TvNameParser(extrasFolders);
    }

    static TvSettings from(TvScanner.Config config) {
        return new TvSettings(ConfigValues.extensions(config.extensions()),
                Set.copyOf(ConfigValues.names(config.extrasFolders())),
                Math.max(0L, config.sampleMaxSizeMb()) * 1024 * 1024, null);
    }

    boolean accepts(String extension) {
        return extensions.contains(extension);
    }
}
