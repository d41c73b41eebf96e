package org.omnilux.api.scanner;

import java.nio.file.Path;
import java.util.List;

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
