package org.omnilux.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} and {@code --flag} command-line options. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String name = a.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                values.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(name, args[++i]);
            } else {
                values.put(name, "true");
            }
        }
    }

    String get(String name, String def) {
        return values.getOrDefault(name, def);
    }

    int getInt(String name, int def) {
        String v = values.get(name);
        return v == null ? def : Integer.parseInt(v.replace("_", ""));
    }

    /** @return {@code --repo}, or {@code .} or {@code ..}, whichever holds {@code runtime/} */
    java.nio.file.Path repo() {
        return java.nio.file.Path.of(get("repo", java.nio.file.Files.isDirectory(java.nio.file.Path.of("runtime")) ? "."
                : "..")).toAbsolutePath().normalize();
    }

    /** @return {@code --work}, by default {@code <repo>/bench/target/bench-work} */
    java.nio.file.Path work() {
        return java.nio.file.Path.of(get("work", repo().resolve("bench/target/bench-work").toString())).toAbsolutePath();
    }
}
