package org.omnilux.core.internal.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.omnilux.api.probe.ProbeException;

class ProbeComponentTest {

    private static ProbeComponent.Config config(String path, int max, int timeout) {
        return new ProbeComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ProbeComponent.Config.class;
            }

            @Override
            public String ffprobePath() {
                return path;
            }

            @Override
            public int maxConcurrentProbes() {
                return max;
            }

            @Override
            public int timeoutSeconds() {
                return timeout;
            }

            @Override
            public String backend() {
                return ProbeComponent.BACKEND_AUTO;
            }

            @Override
            public int workerThreads() {
                return 0;
            }

            @Override
            public int workerIdleSeconds() {
                return 60;
            }
        };
    }

    @Test
    void defaults() {
        JaffreeMediaProber p = ProbeComponent.create(config("", 0, 30));
        assertNull(p.executable());
        assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors()), p.maxConcurrentProbes());
        assertEquals(Duration.ofSeconds(30), p.timeout());
        assertEquals(Duration.ofSeconds(30), ProbeComponent.create(config(" ", 3, 0)).timeout());
        assertEquals(3, ProbeComponent.create(config(null, 3, 5)).maxConcurrentProbes());
    }

    @Test
    void configuredPathAndInactive() throws Exception {
        JaffreeMediaProber p = ProbeComponent.create(config("/opt/ffmpeg/bin/ffprobe", 2, 10));
        assertEquals(Path.of("/opt/ffmpeg/bin/ffprobe"), p.executable());

        ProbeComponent component = new ProbeComponent();
        ProbeException e = assertThrows(ProbeException.class, () -> component.probe(Path.of("/nowhere.mkv")));
        assertTrue(e.getMessage().contains("not active"));
        component.configure(config("", 1, 5));
        e = assertThrows(ProbeException.class, () -> component.probe(Path.of("/nowhere.mkv")));
        assertTrue(e.getMessage().startsWith("No such file"), e.getMessage());
        component.deactivate();
        assertThrows(ProbeException.class, () -> component.probe(Path.of("/nowhere.mkv")));
    }
}
