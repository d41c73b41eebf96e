package org.omnilux.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class HeapLimitTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void theServerJvmHonoursThreadPrioritiesOnLinuxUnlessAPolicyWasGiven() throws Exception {
        List<String> command = HeapLimit.childCommand("256m", List.of("-Dx=y"), new String[] {"--flag"});
        int at = Collections.indexOfSubList(command, HeapLimit.PRIORITY_OPTIONS);
        assertTrue(at > 0, command.toString());
        assertTrue(command.indexOf("-Dx=y") > at, "the user's own options come after, and win");
        assertEquals("--flag", command.get(command.size() - 1));

        List<String> own = HeapLimit.childCommand("256m", List.of("-XX:ThreadPriorityPolicy=0"), new String[0]);
        assertEquals(-1, Collections.indexOfSubList(own, HeapLimit.PRIORITY_OPTIONS), own.toString());
        assertTrue(own.contains("-XX:ThreadPriorityPolicy=0"));
    }

    @Test
    void theServerJvmCollectsInParallelUnlessACollectorWasChosen() throws Exception {
        List<String> command = HeapLimit.childCommand("256m", List.of(), new String[0]);
        assertTrue(command.contains("-XX:+UseParallelGC"), command.toString());
        assertTrue(command.contains("-Xmx256m"), command.toString());

        List<String> own = HeapLimit.childCommand("256m", List.of("-XX:+UseG1GC"), new String[0]);
        assertEquals(List.of("-XX:+UseG1GC"), own.stream().filter(o -> o.endsWith("GC")).toList());
    }

    /** The options do what they say in a real JVM: what the scan pool relies on, whoever runs the server. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void withThePriorityOptionsTheLowestJavaPriorityIsNice10AndTheHigherOnesStayAt0() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(HeapLimit.PRIORITY_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), NiceOfPriorities.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), Charset.defaultCharset());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("priority 1: nice 10"), out);
        assertTrue(out.contains("priority 5: nice 0"), out);
        assertTrue(out.contains("priority 10: nice 0"), out);
    }

    @Test
    void theJvmsWarningAboutPrioritiesIsLeftOutOfTheServersErrorsAndNothingElse() {
        String errors = "first line\n"
                + "OpenJDK 64-Bit Server VM warning: " + HeapLimit.PRIORITY_WARNING + ", e.g., being the root user.\n"
                + "Exception in thread \"main\" java.lang.Error: é\n"
                + "last line without end";
        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        HeapLimit.copyWithout(new ByteArrayInputStream(errors.getBytes(Charset.defaultCharset())),
                new PrintStream(copied, true, Charset.defaultCharset()), HeapLimit.PRIORITY_WARNING);
        String out = copied.toString(Charset.defaultCharset());
        assertFalse(out.contains("warning"), out);
        assertEquals(List.of("first line", "Exception in thread \"main\" java.lang.Error: é", "last line without end"),
                out.lines().toList());
    }

    /** Run in a child JVM: prints the nice value that threads of three Java priorities get. */
    public static final class NiceOfPriorities {
        public static void main(String[] args) throws Exception {
            for (int priority : new int[] {Thread.MIN_PRIORITY, Thread.NORM_PRIORITY, Thread.MAX_PRIORITY}) {
                Thread t = new Thread(() -> {
                    try {
                        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
                        // field 19 (nice), counted after the command name, which may hold spaces
                        String nice = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16];
                        System.out.println("priority " + Thread.currentThread().getPriority() + ": nice " + nice);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                t.setPriority(priority);
                t.start();
                t.join();
            }
        }
    }
}
