package org.omnilux.api.scanner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.omnilux.api.probe.MediaProber;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Everything a {@link MediaScanner} is given to recognise one file. Provided by the core; valid only during
 * the {@link MediaScanner#recognise} call it was passed to.
 *
 * @since 1.0
 */
@ProviderType
public interface ScanContext {

    /** @return the absolute path of the file to recognise */
    Path file();

    /** @return the absolute path of the library root the file was found under */
    Path root();

    /** @return the media type of the root being scanned */
    String mediaType();

    /** @return the file's size in bytes, as seen by the walk */
    long sizeBytes();

    /**
     * The other entries of the file's directory (files and folders), sorted by name: sidecars such as NFO
     * files, posters and external subtitles are found here without listing the directory again.
     *
     * @return absolute paths, never {@code null}
     */
    List<Path> siblings();

    /**
     * A value that depends on the file's folder only — an album's cover, the parts of a book, the discs of a game —
     * worked out once per folder and scan and shared by the folder's files. Worked out from {@link #siblings()} for
     * every file, it costs n² in a folder of n files: an album of 100 tracks would look at 10 000 entries.
     *
     * <p>The core calls {@code compute} once per folder and key while it keeps the folder's listing (it may drop
     * listings in a very large scan, and then computes again); files of the folder being recognised at the same time
     * wait for that one call. This default, for contexts that keep nothing (e.g. in tests), computes every time.
     *
     * @param key     names the value among the scanner's per-folder values; a scanner whose settings change what it
     *                computes puts them in the key
     * @param compute works the value out from the folder's entries (files and folders sorted by name, <em>this file
     *                included</em> unless it appeared after the core listed the folder) and from nothing that differs
     *                between the folder's files; never returns {@code null} (use {@link java.util.Optional})
     * @param <T>     the value's type; one key always holds the same type
     * @return the value, shared: never modify it
     * @since 1.1
     */
    default <T> T perFolder(String key, Function<List<Path>, T> compute) {
        List<Path> entries = new ArrayList<>(siblings());
        entries.add(file());
        entries.sort(Comparator.comparing(p -> String.valueOf(p.getFileName())));
        return compute.apply(List.copyOf(entries));
    }

    /**
     * Subtitle files next to the file ({@code Name.srt}, {@code Name.en.srt}, {@code Name.eng.forced.srt},
     * {@code Name.de.sdh.srt}, {@code .ass/.ssa/.vtt/.sub/.sup}), with language and flags parsed from their
     * names by the core, so that every video scanner reads them the same way.
     *
     * @return never {@code null}
     */
    List<ExternalSubtitle> externalSubtitles();

    /** @return the core's shared prober (ffprobe), to be used instead of starting processes of one's own */
    MediaProber prober();

    /**
     * @return {@code true} once the scan job was cancelled or the scanner is being removed; a scanner doing
     *         long work on one file should check it and give up early
     */
    boolean isCancelled();
}
