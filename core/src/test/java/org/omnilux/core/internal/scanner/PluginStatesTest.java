package org.omnilux.core.internal.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.omnilux.api.library.PluginInfo;
import org.osgi.framework.Bundle;

class PluginStatesTest {

    private static PluginStates.Facts facts(int state, List<String> active, List<String> seen, String missing,
            String failure, String rejected, String waiting) {
        return new PluginStates.Facts("p", "Plugin", "1.0.0", state, false, active, seen, missing, failure, rejected,
                waiting);
    }

    @Test
    void boundScannerIsActiveWithoutReason() {
        PluginInfo p = PluginStates.map(facts(Bundle.ACTIVE, List.of("movie"), List.of("old"), null, null, null, null));
        assertEquals(new PluginInfo("p", "Plugin", "1.0.0", List.of("movie"), "active", null), p);
    }

    @Test
    void installedIsFailedToResolveNamingTheRequirement() {
        PluginInfo p = PluginStates.map(facts(Bundle.INSTALLED, List.of(), List.of("movie"),
                "osgi.wiring.package; (osgi.wiring.package=x)", null, null, null));
        assertEquals("failed to resolve", p.state());
        assertEquals("missing requirement osgi.wiring.package; (osgi.wiring.package=x)", p.reason());
        assertEquals(List.of("movie"), p.mediaTypes(), "what it declared when last seen");
        PluginInfo unknown = PluginStates.map(facts(Bundle.INSTALLED, List.of(), List.of(), null, null, null, null));
        assertEquals("failed to resolve", unknown.state());
        assertTrue(unknown.reason().contains("no missing requirement found"), unknown.reason());
        assertEquals(List.of(), unknown.mediaTypes());
    }

    @Test
    void activeBundleWithoutScanner() {
        assertEquals(new PluginInfo("p", "Plugin", "1.0.0", List.of(), "failed to activate", "component c: boom"),
                PluginStates.map(facts(Bundle.ACTIVE, List.of(), null, null, "component c: boom", null, null)));
        assertEquals("failed to activate", PluginStates.map(facts(Bundle.ACTIVE, List.of(), null, null, null,
                "scanner X declares no media type", null)).state());
        PluginInfo none = PluginStates.map(facts(Bundle.ACTIVE, List.of(), null, null, null, null, null));
        assertEquals("no scanner", none.state());
        assertEquals("the bundle registers no MediaScanner service", none.reason());
        assertEquals("component c waits for db", PluginStates.map(
                facts(Bundle.ACTIVE, List.of(), null, null, null, null, "component c waits for db")).reason());
    }

    @Test
    void transientAndStoppedStates() {
        assertEquals("starting", PluginStates.map(facts(Bundle.STARTING, List.of(), null, null, null, null, null)).state());
        assertEquals("stopping", PluginStates.map(facts(Bundle.STOPPING, List.of(), null, null, null, null, null)).state());
        assertEquals("stopped", PluginStates.map(facts(Bundle.RESOLVED, List.of(), null, null, null, null, null)).state());
        PluginInfo fragment = PluginStates.map(new PluginStates.Facts("f", null, "1", Bundle.RESOLVED, true, List.of(),
                List.of(), null, null, null, null));
        assertEquals("no scanner", fragment.state());
        assertEquals("f", fragment.name(), "the name falls back to the id");
    }

    @Test
    void failureTextIsSummedUpInOneBoundedLine() {
        String trace = "org.osgi.service.component.ComponentException: activation failed\n"
                + "\tat a.B.c(B.java:1)\nCaused by: java.lang.reflect.InvocationTargetException\n\tat x\n"
                + "Caused by: java.lang.IllegalStateException: boom\n\tat y\n";
        assertEquals("org.osgi.service.component.ComponentException: activation failed "
                + "(caused by java.lang.IllegalStateException: boom)", PluginStates.summary(trace));
        assertEquals("java.lang.Error: x", PluginStates.summary("java.lang.Error: x"));
        assertNull(PluginStates.summary(null));
        String longReason = "x".repeat(5000);
        PluginInfo p = PluginStates.map(facts(Bundle.ACTIVE, List.of(), null, null, longReason, null, null));
        assertEquals(PluginStates.MAX_REASON, p.reason().length());
    }
}
