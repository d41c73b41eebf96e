package org.omnilux.core.internal.probe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.omnilux.api.scanner.ExternalSubtitle;

/**
 * Finds the subtitle files next to a video from the names of its siblings, without touching the disk.
 *
 * <p>A sibling is a subtitle of {@code Movie.mkv} when its name is {@code Movie.<ext>} or
 * {@code Movie.<token>.<token>….<ext>} (base name compared case-insensitively) with {@code ext} one of
 * {@code srt, ass, ssa, vtt, sub, sup}. {@code .idx} files are not listed: they are the index of the {@code .sub}
 * of the same name. The tokens between base name and extension are read case-insensitively:
 * <ul>
 * <li>{@code forced}, {@code foreign} → forced;</li>
 * <li>{@code sdh}, {@code cc}, {@code hi} → SDH (so {@code hi} is never Hindi here; write {@code hin});</li>
 * <li>{@code default}, {@code und} → ignored;</li>
 * <li>a language code or English language name ({@code en}, {@code eng}, {@code pt-BR}, {@code English}) →
 * the language, normalised by {@link LanguageCodes}; the first one wins;</li>
 * <li>otherwise, when no token is a known language, the first unknown token (lower case) is kept as the
 * language.</li>
 * </ul>
 * When another video in the same folder has a longer base name the subtitle also matches
 * ({@code Movie.Extended.mkv} next to {@code Movie.mkv}, subtitle {@code Movie.Extended.en.srt}), the subtitle
 * belongs to that video only.
 *
 * <p>Pure and thread-safe.
 */
public final class ExternalSubtitleFinder {

    /** Subtitle file extensions, lower case. */
    public static final Set<String> SUBTITLE_EXTENSIONS = Set.of("srt", "ass", "ssa", "vtt", "sub", "sup");

    /** Video extensions used to tell which of several videos in a folder a subtitle belongs to. */
    private static final Set<String> VIDEO_EXTENSIONS = Set.of("mkv", "mp4", "m4v", "avi", "mov", "wmv", "ts",
            "m2ts", "mts", "webm", "mpg", "mpeg", "vob", "flv", "ogv", "3gp", "divx", "xvid", "iso", "rmvb", "asf");

    private static final Set<String> FORCED = Set.of("forced", "foreign");
    private static final Set<String> SDH = Set.of("sdh", "cc", "hi");
    private static final Set<String> IGNORED = Set.of("default", "und", "");

    private ExternalSubtitleFinder() {
    }

    /**
     * @param video    the video file
     * @param siblings the other entries of its directory (may include the video itself, other videos, folders)
     * @return the video's subtitle files in the order of {@code siblings}, never {@code null}
     */
    public static List<ExternalSubtitle> find(Path video, List<Path> siblings) {
        List<ExternalSubtitle> out = new ArrayList<>();
        if (video == null || video.getFileName() == null || siblings == null) {
            return out;
        }
        String base = baseName(video.getFileName().toString()).toLowerCase(Locale.ROOT);
        if (base.isEmpty()) {
            return out;
        }
        List<String> otherVideoBases = new ArrayList<>();
        for (Path sibling : siblings) {
            if (sibling == null || sibling.getFileName() == null || sibling.equals(video)) {
                continue;
            }
            String name = sibling.getFileName().toString();
            if (VIDEO_EXTENSIONS.contains(ProbeNormalizer.extension(name))) {
                String otherBase = baseName(name).toLowerCase(Locale.ROOT);
                if (otherBase.length() > base.length() && otherBase.startsWith(base + ".")) {
                    otherVideoBases.add(otherBase);
                }
            }
        }
        for (Path sibling : siblings) {
            if (sibling == null || sibling.getFileName() == null) {
                continue;
            }
            ExternalSubtitle subtitle = parse(base, otherVideoBases, sibling);
            if (subtitle != null) {
                out.add(subtitle);
            }
        }
        return out;
    }

    private static ExternalSubtitle parse(String base, List<String> otherVideoBases, Path sibling) {
        String name = sibling.getFileName().toString();
        String ext = ProbeNormalizer.extension(name);
        if (!SUBTITLE_EXTENSIONS.contains(ext)) {
            return null;
        }
        String stem = name.substring(0, name.length() - ext.length() - 1);
        String lowerStem = stem.toLowerCase(Locale.ROOT);
        if (!lowerStem.equals(base) && !lowerStem.startsWith(base + ".")) {
            return null;
        }
        for (String other : otherVideoBases) {
            if (lowerStem.equals(other) || lowerStem.startsWith(other + ".")) {
                return null;
            }
        }
        ExternalSubtitle subtitle = new ExternalSubtitle();
        subtitle.path = sibling.toAbsolutePath().toString();
        subtitle.format = ext;
        String known = null;
        String unknown = null;
        if (lowerStem.length() > base.length()) {
            for (String token : lowerStem.substring(base.length() + 1).split("\\.")) {
                String t = token.trim();
                if (IGNORED.contains(t)) {
                    continue;
                }
                if (FORCED.contains(t)) {
                    subtitle.forced = true;
                } else if (SDH.contains(t)) {
                    subtitle.sdh = true;
                } else if (known == null) {
                    String code = LanguageCodes.recognise(t);
                    if (code != null) {
                        known = code;
                    } else if (unknown == null) {
                        unknown = t;
                    }
                }
            }
        }
        subtitle.language = known != null ? known : unknown;
        return subtitle;
    }

    /** @return the file name without its last extension */
    static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? fileName : fileName.substring(0, dot);
    }
}
