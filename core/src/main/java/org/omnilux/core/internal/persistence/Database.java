package org.omnilux.core.internal.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.omnilux.api.service.UnavailableException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Derby database and the JPA factory over it. Opening takes seconds, so {@link #Database(BundleContext)}
 * starts it on a thread of its own and the component is registered at once; callers wait for it (up to
 * {@link #READY_TIMEOUT_SECONDS}) and get an {@link UnavailableException} if it is still not there.
 */
@Component(service = Database.class, immediate = true)
public final class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final long READY_TIMEOUT_SECONDS = 15;
    public static final String UNIT = "omnilux";

    private final Path dataDir;
    private final Path dbDir;
    private final boolean shutdownEngine;
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicLong committedWrites = new AtomicLong();
    private volatile EntityManagerFactory emf;
    private volatile EmbeddedDataSource dataSource;
    private volatile String status = "starting";
    private volatile Throwable failure;
    private volatile boolean closed;
    private Thread starter;

    @Activate
    public Database(BundleContext context) {
        this(DataDirs.resolve(context), true);
        starter = new Thread(this::start, "omnilux-database-start");
        starter.setDaemon(true);
        starter.start();
    }

    private Database(Path dataDir, boolean shutdownEngine) {
        this.dataDir = dataDir;
        this.dbDir = dataDir.resolve("db");
        this.shutdownEngine = shutdownEngine;
    }

    /** Opens (creating and migrating) the database under {@code dataDir} on the calling thread; for tests and tools. */
    public static Database open(Path dataDir) {
        return open(dataDir, false);
    }

    /** @param shutdownEngine whether {@link #close()} also stops the whole Derby engine (as in OSGi) */
    static Database open(Path dataDir, boolean shutdownEngine) {
        Database db = new Database(dataDir.toAbsolutePath().normalize(), shutdownEngine);
        db.start();
        if (db.failure != null) {
            throw new IllegalStateException("database did not start: " + db.status, db.failure);
        }
        return db;
    }

    public Path dataDir() {
        return dataDir;
    }

    private void start() {
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dataDir.resolve("logs"));
            if (System.getProperty("derby.stream.error.file") == null) {
                System.setProperty("derby.stream.error.file", dataDir.resolve("logs/derby.log").toString());
            }
            EmbeddedDataSource ds = new EmbeddedDataSource();
            ds.setDatabaseName(dbDir.toString());
            ds.setCreateDatabase("create");
            dataSource = ds;
            int version = Migrations.migrate(ds);
            int recovered = failInterruptedJobs(ds);
            if (recovered > 0) {
                LOG.warn("{} scan job(s) were left running by a stopped server and are now marked failed", recovered);
            }
            Map<String, Object> props = new HashMap<>();
            props.put("eclipselink.classloader", getClass().getClassLoader());
            // EclipseLink's own connection pool, over the embedded driver: given a DataSource it would take it for a
            // pooled one and open a new Derby connection for every transaction and read (a quarter of the CPU of a
            // small API request)
            props.put("jakarta.persistence.jdbc.driver", "org.apache.derby.jdbc.EmbeddedDriver");
            props.put("jakarta.persistence.jdbc.url", "jdbc:derby:" + dbDir);
            props.put("eclipselink.connection-pool.default.initial", "1");
            props.put("eclipselink.connection-pool.default.min", "2");
            props.put("eclipselink.connection-pool.default.max", "32");
            EntityManagerFactory factory = new org.eclipse.persistence.jpa.PersistenceProvider()
                    .createEntityManagerFactory(UNIT, props);
            if (factory == null) {
                throw new IllegalStateException("persistence unit '" + UNIT + "' not found");
            }
            // connect now so that the first request does not pay for the login
            factory.createEntityManager().close();
            emf = factory;
            status = "ready";
            LOG.info("Database ready at {} (schema version {}) in {} ms", dbDir, version,
                    (System.nanoTime() - t0) / 1_000_000);
            if (closed) {
                close();
            }
        } catch (Throwable e) {
            failure = e;
            status = "database failed to start: " + e;
            LOG.error("The database at {} failed to start", dbDir, e);
        } finally {
            started.countDown();
        }
    }

    /** Jobs left {@code running} by a killed process can never finish: mark them failed. */
    private static int failInterruptedJobs(EmbeddedDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM scan_jobs WHERE status = ?")) {
                ps.setString(1, "running");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                c.rollback();
                return 0;
            }
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE scan_jobs SET status = ?, finished_at = ? WHERE id = ?");
                    PreparedStatement err = c.prepareStatement(
                            "INSERT INTO scan_job_errors (job_id, path, message) VALUES (?, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (long id : ids) {
                    up.setString(1, "failed");
                    up.setTimestamp(2, now);
                    up.setLong(3, id);
                    up.addBatch();
                    err.setLong(1, id);
                    err.setString(2, null);
                    err.setString(3, "server stopped during the scan");
                    err.addBatch();
                }
                up.executeBatch();
                err.executeBatch();
            }
            c.commit();
            return ids.size();
        }
    }

    /** @return {@code true} once migrated and the JPA factory is built */
    public boolean isReady() {
        return emf != null && !closed;
    }

    /** @return whether the start-up failed for good (no point in waiting) */
    public boolean hasFailed() {
        return failure != null || closed;
    }

    /** @return {@code starting}, {@code ready}, {@code stopped} or why the start failed */
    public String status() {
        return closed ? "stopped" : status;
    }

    /** @return the factory, waiting for the start-up if needed */
    public EntityManagerFactory emf() {
        EntityManagerFactory f = emf;
        if (f != null && !closed) {
            return f;
        }
        if (closed) {
            throw new UnavailableException("the database is stopped");
        }
        try {
            if (!started.await(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new UnavailableException("the database is still starting, try again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting for the database");
        }
        f = emf;
        if (f == null || closed) {
            throw new UnavailableException("the database is not available");
        }
        return f;
    }

    /**
     * Write transactions committed since the database opened: what was read from the database before this number
     * last changed is still what the database holds (see {@code UntilNextWrite}). Every write goes through
     * {@link #tx}. One process's count: servers sharing one database would need a count kept in the database.
     */
    public long committedWrites() {
        return committedWrites.get();
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T tx(Function<EntityManager, T> work) {
        EntityManager em = emf().createEntityManager();
        EntityTransaction t = em.getTransaction();
        try {
            t.begin();
            T result = work.apply(em);
            t.commit();
            committedWrites.incrementAndGet();
            return result;
        } finally {
            if (t.isActive()) {
                t.rollback();
            }
            em.close();
        }
    }

    public void txRun(Consumer<EntityManager> work) {
        tx(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Runs read-only {@code work} outside a transaction. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf().createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    @Deactivate
    public void close() {
        closed = true;
        Thread s = starter;
        if (s != null && s.isAlive() && Thread.currentThread() != s) {
            try {
                // the starter closes everything itself when it finishes after this point
                s.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            EntityManagerFactory f = emf;
            emf = null;
            if (f != null && f.isOpen()) {
                try {
                    f.close();
                } catch (RuntimeException e) {
                    LOG.warn("Closing the JPA factory failed", e);
                }
            }
            EmbeddedDataSource ds = dataSource;
            dataSource = null;
            if (ds != null) {
                shutdown(ds.getDatabaseName(), "database");
                if (shutdownEngine) {
                    shutdown("", "Derby engine");
                }
            }
        }
    }

    private static void shutdown(String databaseName, String what) {
        EmbeddedDataSource down = new EmbeddedDataSource();
        down.setDatabaseName(databaseName);
        down.setShutdownDatabase("shutdown");
        try (Connection ignored = down.getConnection()) {
            LOG.warn("{} did not report its shutdown", what);
        } catch (SQLException e) {
            // Derby reports a clean shutdown as an exception: 08006 (database) or XJ015 (engine)
            if ("08006".equals(e.getSQLState()) || "XJ015".equals(e.getSQLState())) {
                LOG.info("{} shut down", what);
            } else {
                LOG.warn("{} shutdown: {}", what, e.getMessage());
            }
        }
    }
}
