package org.omnilux.scanner.music.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.omnilux.api.probe.AudioTrack;
import org.omnilux.api.probe.Chapter;
import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.probe.ProbeException;
import org.omnilux.api.probe.ProbeResult;

/**
 * A stand-in for the core's prober that runs the real ffprobe, so that the scanner meets real files (broken ones
 * included) in unit tests. Normalises only what these tests need; the core's prober is the real one.
 */
final class FfprobeTestProber implements MediaProber {

    private static final Pattern LINE = Pattern.compile("^([a-z_]+)\\.([a-z_]+)\\.(\\d+)\\.(.+?)=\"?(.*?)\"?$");
    private static final Pattern FORMAT_LINE = Pattern.compile("^format\\.(.+?)=\"?(.*?)\"?$");

    @Override
    public ProbeResult probe(Path file) throws ProbeException {
        String out;
        try {
            out = Ffmpeg.exec(List.of("ffprobe", "-v", "error", "-show_format", "-show_streams", "-show_chapters",
                    "-of", "flat", file.toString()));
        } catch (IOException e) {
            throw new ProbeException(e.getMessage().lines().reduce((a, b) -> b).orElse("ffprobe failed"), e);
        }
        ProbeResult result = new ProbeResult();
        Map<Integer, Map<String, String>> streams = new TreeMap<>();
        Map<Integer, Map<String, String>> chapters = new TreeMap<>();
        for (String line : out.split("\n")) {
            Matcher m = LINE.matcher(line.trim());
            if (m.matches()) {
                Map<Integer, Map<String, String>> target = m.group(1).equals("streams") ? streams : chapters;
                target.computeIfAbsent(Integer.valueOf(m.group(3)), k -> new TreeMap<>()).put(m.group(4), m.group(5));
                continue;
            }
            Matcher f = FORMAT_LINE.matcher(line.trim());
            if (f.matches()) {
                String key = f.group(1);
                if (key.equals("duration")) {
                    result.durationSeconds = number(f.group(2)) == null ? null : Double.valueOf(f.group(2));
                } else if (key.equals("bit_rate")) {
                    result.bitRate = number(f.group(2)) == null ? null : Long.valueOf(f.group(2));
                } else if (key.equals("format_name")) {
                    result.container = f.group(2).split(",")[0];
                } else if (key.startsWith("tags.")) {
                    result.tags.put(key.substring(5).toLowerCase(), f.group(2));
                }
            }
        }
        for (Map.Entry<Integer, Map<String, String>> s : streams.entrySet()) {
            Map<String, String> v = s.getValue();
            if ("audio".equals(v.get("codec_type"))) {
                AudioTrack a = new AudioTrack();
                a.index = s.getKey();
                a.codec = v.get("codec_name");
                a.channels = v.containsKey("channels") ? Integer.valueOf(v.get("channels")) : null;
                result.audio.add(a);
            }
        }
        for (Map<String, String> c : chapters.values()) {
            Chapter chapter = new Chapter();
            chapter.title = c.get("tags.title");
            chapter.start = Double.parseDouble(c.get("start_time"));
            chapter.end = Double.parseDouble(c.get("end_time"));
            result.chapters.add(chapter);
        }
        if (result.container == null) {
            throw new ProbeException("no format");
        }
        return result;
    }

    /** {@code null} for ffprobe's {@code N/A}, a value it cannot tell (the duration of a cut ADTS stream). */
    private static String number(String value) {
        return value.isEmpty() || value.equals("N/A") ? null : value;
    }
}
