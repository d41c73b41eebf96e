package org.omnilux.core.internal.library;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.omnilux.core.internal.persistence.Database;

/**
 * Aggregates of the library (statistics, file counts of roots, a query's total) kept until the next committed
 * write: each is a scan of the whole table, which a library of 500 000 files pays in seconds, and a client asks
 * for the same ones with every page it shows. A value is stored with the write count read before it was computed,
 * so a write committed meanwhile makes it stale at once. At most {@value #MAX_ENTRIES} values, the least recently
 * used go first. The values must be immutable. Thread-safe.
 */
final class UntilNextWrite {
    static final int MAX_ENTRIES = 64;

    private final Database db;
    private final Map<String, Cached> values = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    UntilNextWrite(Database db) {
        this.db = db;
    }

    private record Cached(long writes, Object value) {
    }

    /** @return the value stored under {@code key} if no write was committed since, else {@code compute}'s */
    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> compute) {
        long writes = db.committedWrites();
        synchronized (values) {
            Cached cached = values.get(key);
            if (cached != null && cached.writes() == writes) {
                return (T) cached.value();
            }
        }
        T value = compute.get();
        synchronized (values) {
            values.put(key, new Cached(writes, value));
        }
        return value;
    }
}
