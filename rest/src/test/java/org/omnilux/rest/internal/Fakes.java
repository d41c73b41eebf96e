package org.omnilux.rest.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.omnilux.api.auth.AuthService;
import org.omnilux.api.auth.Role;
import org.omnilux.api.auth.Session;
import org.omnilux.api.auth.User;
import org.omnilux.api.library.ArtworkService;
import org.omnilux.api.library.FilePage;
import org.omnilux.api.library.FileQuery;
import org.omnilux.api.library.LibraryFile;
import org.omnilux.api.library.LibraryFileDetail;
import org.omnilux.api.library.LibraryRoot;
import org.omnilux.api.library.LibraryService;
import org.omnilux.api.library.LibraryStats;
import org.omnilux.api.library.PluginInfo;
import org.omnilux.api.library.PluginService;
import org.omnilux.api.library.ScanJob;
import org.omnilux.api.library.ScanService;
import org.omnilux.api.service.AuthenticationException;
import org.omnilux.api.service.ConflictException;
import org.omnilux.api.service.InvalidInputException;
import org.omnilux.api.service.NotFoundException;
import org.omnilux.api.service.ServerHealth;

/**
 * Hand-written stand-ins for the core's services, just enough to drive the HTTP layer; the real core is
 * tested in its own bundle and in the integration tests.
 */
final class Fakes {

    static final String ADMIN_TOKEN = "admin-token";
    static final String USER_TOKEN = "user-token";
    /** A user token that tests may revoke. */
    static final String SPARE_TOKEN = "spare-token";
    static final Instant T0 = Instant.parse("2024-05-01T10:15:30Z");

    private Fakes() {
    }

    static final class Auth implements AuthService {
        final List<User> users = new CopyOnWriteArrayList<>(
                List.of(new User(1, "admin", Role.ADMIN), new User(2, "alice", Role.USER)));
        final List<String> revoked = new CopyOnWriteArrayList<>();
        final AtomicLong ids = new AtomicLong(10);

        @Override
        public Session login(String username, String password) {
            if (username.equals("admin") && password.equals("secret")) {
                return new Session(ADMIN_TOKEN, Role.ADMIN, T0.plusSeconds(3600));
            }
            throw new AuthenticationException("Unknown user or wrong password.");
        }

        @Override
        public void logout(String token) {
            revoked.add(token);
        }

        @Override
        public User authenticate(String token) {
            if (revoked.contains(token)) {
                throw new AuthenticationException("revoked");
            }
            return switch (token) {
                case ADMIN_TOKEN -> users.get(0);
                case USER_TOKEN, SPARE_TOKEN -> users.get(1);
                default -> throw new AuthenticationException("unknown token");
            };
        }

        @Override
        public User createUser(String username, String password, Role role) {
            if (users.stream().anyMatch(u -> u.username().equals(username))) {
                throw new ConflictException("Username '" + username + "' is taken.");
            }
            User user = new User(ids.incrementAndGet(), username, role);
            users.add(user);
            return user;
        }

        @Override
        public List<User> users() {
            return List.copyOf(users);
        }

        @Override
        public void deleteUser(long userId) {
            if (!users.removeIf(u -> u.id() == userId)) {
                throw new NotFoundException("No user with id " + userId + ".");
            }
        }
    }

    static final class Library implements LibraryService {
        final List<LibraryRoot> roots = new CopyOnWriteArrayList<>();
        final AtomicLong ids = new AtomicLong(100);
        volatile FileQuery lastQuery;
        volatile Map<String, Object> lastChanges;
        final List<String> locked = new CopyOnWriteArrayList<>();
        volatile boolean unavailable;

        @Override
        public List<LibraryRoot> roots() {
            if (unavailable) {
                throw new org.omnilux.api.service.UnavailableException("The database is starting.");
            }
            return List.copyOf(roots);
        }

        @Override
        public LibraryRoot addRoot(String path, String name, String mediaType) {
            if (!path.startsWith("/")) {
                throw new InvalidInputException("path", "path must be an absolute directory.");
            }
            if (!List.of("movie", "tv").contains(mediaType)) {
                throw new InvalidInputException("mediaType", "mediaType must be one of movie, tv.");
            }
            if (roots.stream().anyMatch(r -> r.path().equals(path))) {
                throw new ConflictException("A root already covers " + path + ".");
            }
            LibraryRoot root = new LibraryRoot(ids.incrementAndGet(), path, name, mediaType, 0, 0, null);
            roots.add(root);
            return root;
        }

        @Override
        public void removeRoot(long rootId) {
            if (!roots.removeIf(r -> r.id() == rootId)) {
                throw new NotFoundException("No library root with id " + rootId + ".");
            }
        }

        @Override
        public FilePage files(FileQuery query) {
            lastQuery = query;
            if (query.mediaType() != null && !query.mediaType().equals("movie")) {
                throw new InvalidInputException("mediaType", "mediaType must be one of movie.");
            }
            return new FilePage(List.of(movie()), 1, query.limit(), query.offset());
        }

        @Override
        public LibraryFileDetail file(long fileId) {
            if (fileId != 7) {
                throw new NotFoundException("No file with id " + fileId + ".");
            }
            Map<String, Object> video = new LinkedHashMap<>();
            video.put("index", 0);
            video.put("codec", "h265");
            video.put("hdr", true);
            video.put("hdrFormat", "HDR10");
            return new LibraryFileDetail(movie(), Map.of("video", List.of(video)), List.of(), List.copyOf(locked));
        }

        @Override
        public LibraryFileDetail updateMetadata(long fileId, Map<String, Object> changes) {
            file(fileId);
            lastChanges = changes;
            changes.keySet().forEach(locked::add);
            return file(fileId);
        }

        @Override
        public void unlockField(long fileId, String field) {
            file(fileId);
            if (!locked.remove(field)) {
                throw new NotFoundException("Field " + field + " is not locked.");
            }
        }

        @Override
        public LibraryStats stats() {
            return new LibraryStats(1, 1000, Map.of("movie", new LibraryStats.TypeStats(1, 1000)),
                    Map.of("h265", 1L), Map.of("2160p", 1L));
        }

        static LibraryFile movie() {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("tmdbId", 603);
            metadata.put("genres", List.of("Action"));
            return new LibraryFile(7, "/media/movies/The Matrix (1999).mkv", "The Matrix", 1999, "movie", 101, 1000,
                    8160L, "h265", "2160p", true, "mkv", T0, metadata);
        }
    }

    static final class Scans implements ScanService {
        final List<ScanJob> jobs = new ArrayList<>();
        volatile Long lastRootId = -1L;

        @Override
        public synchronized ScanJob start(Long rootId) {
            if (rootId != null && rootId == 404) {
                throw new NotFoundException("No library root with id 404.");
            }
            lastRootId = rootId;
            ScanJob job = new ScanJob(jobs.size() + 1, ScanJob.RUNNING, rootId == null ? List.of(101L) : List.of(rootId),
                    0, 0, 0, 0, 0, List.of(), T0, null);
            jobs.add(job);
            return job;
        }

        @Override
        public synchronized ScanJob job(long jobId) {
            return jobs.stream().filter(j -> j.jobId() == jobId).findFirst()
                    .orElseThrow(() -> new NotFoundException("No scan job with id " + jobId + "."));
        }

        @Override
        public synchronized List<ScanJob> recentJobs() {
            return List.copyOf(jobs);
        }

        @Override
        public synchronized ScanJob cancel(long jobId) {
            ScanJob job = job(jobId);
            if (!job.status().equals(ScanJob.RUNNING)) {
                throw new ConflictException("Scan job " + jobId + " is not running.");
            }
            ScanJob cancelled = new ScanJob(job.jobId(), ScanJob.CANCELLED, job.rootIds(), 1, 0, 0, 0, 1,
                    List.of(new ScanJob.ScanError("/media/movies/bad.mkv", "cannot probe")), job.startedAt(),
                    T0.plusSeconds(5));
            jobs.set(jobs.indexOf(job), cancelled);
            return cancelled;
        }
    }

    static final class Plugins implements PluginService {
        @Override
        public List<PluginInfo> plugins() {
            return List.of(new PluginInfo("org.omnilux.scanner.movie", "Movie scanner", "0.1.0", List.of("movie"),
                    "active"));
        }
    }

    static final class Artwork implements ArtworkService {
        final Path dir;

        Artwork(Path dir) {
            this.dir = dir;
        }

        @Override
        public Optional<Path> find(String name) {
            Path file = dir.resolve(name);
            return java.nio.file.Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        }
    }

    static final class Health implements ServerHealth {
        volatile boolean ready = true;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public String status() {
            return ready ? "UP" : "Opening the database";
        }
    }

    /** A service that fails with something unexpected, to see the 500 path. */
    static final class BrokenPlugins implements PluginService {
        @Override
        public List<PluginInfo> plugins() {
            throw new IllegalStateException("secret internal detail");
        }
    }
}
