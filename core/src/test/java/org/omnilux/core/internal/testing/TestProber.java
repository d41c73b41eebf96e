package org.omnilux.core.internal.testing;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.omnilux.api.probe.AudioTrack;
import org.omnilux.api.probe.MediaProber;
import org.omnilux.api.probe.ProbeResult;
import org.omnilux.api.probe.VideoTrack;

/** A prober for tests: {@code .mkv} is 4K HDR10 HEVC, {@code .mp4} is 1080p H.264, both 90 minutes and a bit. */
public class TestProber implements MediaProber {
    public final AtomicInteger calls = new AtomicInteger();

    @Override
    public ProbeResult probe(Path file) {
        calls.incrementAndGet();
        boolean mkv = file.toString().endsWith(".mkv");
        ProbeResult r = new ProbeResult();
        r.container = mkv ? "mkv" : "mp4";
        r.durationSeconds = 5400.6;
        VideoTrack v = new VideoTrack();
        v.index = 0;
        v.codec = mkv ? "h265" : "h264";
        v.width = mkv ? 3840 : 1920;
        v.height = mkv ? 2160 : 1080;
        v.hdr = mkv;
        v.hdrFormat = mkv ? "HDR10" : null;
        v.frameRate = 23.976;
        v.bitDepth = mkv ? 10 : 8;
        r.video.add(v);
        AudioTrack a = new AudioTrack();
        a.index = 1;
        a.codec = "aac";
        a.language = "eng";
        a.channels = 6;
        a.isDefault = true;
        r.audio.add(a);
        return r;
    }
}
