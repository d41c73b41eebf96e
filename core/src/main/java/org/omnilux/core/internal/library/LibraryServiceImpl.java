package org.omnilux.core.internal.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import org.omnilux.api.library.FilePage;
import org.omnilux.api.library.FileQuery;
import org.omnilux.api.library.FileSort;
import org.omnilux.api.library.LibraryFile;
import org.omnilux.api.library.LibraryFileDetail;
import org.omnilux.api.library.LibraryRoot;
import org.omnilux.api.library.LibraryService;
import org.omnilux.api.library.LibraryStats;
import org.omnilux.api.scanner.MediaTypeDescriptor;
import org.omnilux.api.scanner.MetadataField;
import org.omnilux.api.service.ConflictException;
import org.omnilux.api.service.InvalidInputException;
import org.omnilux.api.service.NotFoundException;
import org.omnilux.core.internal.persistence.Database;
import org.omnilux.core.internal.persistence.Json;
import org.omnilux.core.internal.persistence.MediaFileEntity;
import org.omnilux.core.internal.persistence.RootEntity;
import org.omnilux.core.internal.persistence.SearchText;
import org.omnilux.core.internal.scanner.ScannerRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Roots, files and metadata over the database.
 *
 * <p>Listing order: the sort key, then the id in the same direction (a stable order); a file without a year
 * sorts after every file with one, in both directions ({@code NULLS LAST}).
 */
@Component(service = LibraryService.class)
public final class LibraryServiceImpl implements LibraryService {
    static final String TITLE = "title";
    static final String YEAR = "year";

    private final Database db;
    private final ScannerRegistry registry;
    private final Clock clock;
    /** statistics, the roots' counts and queries' totals, each a scan of every file */
    private final UntilNextWrite aggregates;
    /** serialises root additions so that two concurrent adds cannot both pass the overlap check */
    private final Object rootsLock = new Object();

    @Activate
    public LibraryServiceImpl(@Reference Database db, @Reference ScannerRegistry registry) {
        this(db, registry, Clock.systemUTC());
    }

    public LibraryServiceImpl(Database db, ScannerRegistry registry, Clock clock) {
        this.db = db;
        this.registry = registry;
        this.clock = clock;
        this.aggregates = new UntilNextWrite(db);
    }

    // ---- roots

    @Override
    public List<LibraryRoot> roots() {
        return db.read(em -> {
            Map<Long, long[]> counts = aggregates.get("root counts", () -> rootCounts(em));
            return em.createQuery("SELECT r FROM RootEntity r ORDER BY r.id", RootEntity.class).getResultList().stream()
                    .map(r -> toRoot(r, counts.get(r.id))).toList();
        });
    }

    private static Map<Long, long[]> rootCounts(EntityManager em) {
        Map<Long, long[]> out = new HashMap<>();
        for (Object[] row : em.createQuery(
                "SELECT f.rootId, COUNT(f), SUM(f.sizeBytes) FROM MediaFileEntity f GROUP BY f.rootId", Object[].class)
                .getResultList()) {
            out.put(((Number) row[0]).longValue(),
                    new long[] {((Number) row[1]).longValue(), row[2] == null ? 0 : ((Number) row[2]).longValue()});
        }
        return Collections.unmodifiableMap(out); // shared by requests: the arrays are only read
    }

    private static LibraryRoot toRoot(RootEntity r, long[] counts) {
        return new LibraryRoot(r.id, r.path, r.name, r.mediaType, counts == null ? 0 : counts[0],
                counts == null ? 0 : counts[1], r.lastScanAt);
    }

    @Override
    public LibraryRoot addRoot(String path, String name, String mediaType) {
        if (path == null || path.isBlank()) {
            throw new InvalidInputException("path", "path is required");
        }
        Path p;
        try {
            p = Path.of(path);
        } catch (InvalidPathException e) {
            throw new InvalidInputException("path", "path is not a valid path: " + e.getReason());
        }
        if (!p.isAbsolute()) {
            throw new InvalidInputException("path", "path must be absolute: " + path);
        }
        p = p.normalize();
        if (!Files.isDirectory(p)) {
            throw new InvalidInputException("path", "path is not an existing directory: " + p);
        }
        if (!Files.isReadable(p) || !Files.isExecutable(p)) {
            throw new InvalidInputException("path", "path is not readable by the server: " + p);
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "name is required");
        }
        String trimmedName = name.strip();
        if (trimmedName.length() > 255) {
            throw new InvalidInputException("name", "name must be at most 255 characters");
        }
        if (mediaType == null || mediaType.isBlank()) {
            throw new InvalidInputException("mediaType", "mediaType is required; installed types: " + installedList());
        }
        if (!registry.isInstalled(mediaType)) {
            throw new InvalidInputException("mediaType",
                    "mediaType '" + mediaType + "' is not handled by any installed scanner; installed types: "
                            + installedList());
        }
        Path real = realPath(p);
        String stored = p.toString();
        synchronized (rootsLock) {
            return db.tx(em -> {
                for (RootEntity other : em.createQuery("SELECT r FROM RootEntity r", RootEntity.class).getResultList()) {
                    Path otherReal = realPath(Path.of(other.path));
                    if (otherReal.equals(real)) {
                        throw new ConflictException("path is already the library root '" + other.name + "' (id "
                                + other.id + ")");
                    }
                    if (real.startsWith(otherReal)) {
                        throw new ConflictException("path is inside the library root '" + other.name + "' (id "
                                + other.id + ", " + other.path + ")");
                    }
                    if (otherReal.startsWith(real)) {
                        throw new ConflictException("path contains the library root '" + other.name + "' (id "
                                + other.id + ", " + other.path + ")");
                    }
                }
                RootEntity r = new RootEntity();
                r.path = stored;
                r.name = trimmedName;
                r.mediaType = mediaType;
                r.createdAt = clock.instant();
                em.persist(r);
                em.flush();
                return toRoot(r, null);
            });
        }
    }

    private String installedList() {
        Set<String> types = registry.installedTypes();
        return types.isEmpty() ? "(none)" : String.join(", ", types);
    }

    /** The real path when it can be resolved (symlinks followed), else the normalised absolute path. */
    static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | SecurityException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    @Override
    public void removeRoot(long rootId) {
        db.txRun(em -> {
            // locked before its files, as a scan's writer does: no batch of its scan is half written, and none
            // that follows finds the root (media_files has no foreign key to check it; see migration V4)
            RootEntity r = em.find(RootEntity.class, rootId, LockModeType.PESSIMISTIC_WRITE);
            if (r == null) {
                throw new NotFoundException("no library root with id " + rootId);
            }
            em.createQuery("DELETE FROM MediaFileEntity f WHERE f.rootId = :r").setParameter("r", rootId)
                    .executeUpdate();
            em.remove(r);
        });
    }

    // ---- files

    @Override
    public FilePage files(FileQuery query) {
        if (query == null) {
            query = new FileQuery(null, null, null, FileSort.TITLE, false, FileQuery.DEFAULT_LIMIT, 0);
        }
        FileQuery q = query;
        if (q.limit() < 1 || q.limit() > FileQuery.MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + FileQuery.MAX_LIMIT);
        }
        if (q.offset() < 0) {
            throw new InvalidInputException("offset", "offset must be 0 or more");
        }
        return db.read(em -> {
            if (q.mediaType() != null && !registry.isInstalled(q.mediaType()) && em.createQuery(
                    "SELECT COUNT(r) FROM RootEntity r WHERE r.mediaType = :t", Long.class)
                    .setParameter("t", q.mediaType()).getSingleResult() == 0) {
                throw new InvalidInputException("mediaType", "unknown mediaType '" + q.mediaType()
                        + "'; installed types: " + installedList());
            }
            if (q.rootId() != null && em.find(RootEntity.class, q.rootId()) == null) {
                throw new InvalidInputException("rootId", "unknown rootId " + q.rootId());
            }
            List<String> conditions = new ArrayList<>();
            Map<String, Object> params = new LinkedHashMap<>();
            if (q.mediaType() != null) {
                conditions.add("f.mediaType = :mediaType");
                params.put("mediaType", q.mediaType());
            }
            if (q.rootId() != null) {
                conditions.add("f.rootId = :rootId");
                params.put("rootId", q.rootId());
            }
            List<String> words = SearchText.words(q.search());
            for (int i = 0; i < words.size(); i++) {
                conditions.add("f.searchText LIKE :w" + i + " ESCAPE '\\'");
                params.put("w" + i, SearchText.likeContains(words.get(i)));
            }
            String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
            String dir = q.descending() ? "DESC" : "ASC";
            String order = switch (q.sort() == null ? FileSort.TITLE : q.sort()) {
                case TITLE -> "f.titleSort " + dir;
                case ADDED_AT -> "f.addedAt " + dir;
                case YEAR -> "f.year " + dir + " NULLS LAST";
                case SIZE -> "f.sizeBytes " + dir;
            };
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(f) FROM MediaFileEntity f" + where, Long.class);
            // the page's ids first, then its files: an order no index serves is a sort, and sorting the narrow
            // (key, id) rows costs a fraction of sorting whole rows with their JSON documents (seconds at 200 000)
            TypedQuery<Long> page = em.createQuery(
                    "SELECT f.id FROM MediaFileEntity f" + where + " ORDER BY " + order + ", f.id " + dir,
                    Long.class);
            params.forEach((k, v) -> {
                count.setParameter(k, v);
                page.setParameter(k, v);
            });
            // the same query's total for every page of it, and its count scans every file the filter keeps
            long total = aggregates.get(totalKey(where, params), count::getSingleResult);
            List<Long> ids = q.offset() >= total ? List.of()
                    : page.setFirstResult((int) Math.min(q.offset(), Integer.MAX_VALUE)).setMaxResults(q.limit())
                            .getResultList();
            Map<Long, MediaFileEntity> byId = new HashMap<>();
            if (!ids.isEmpty()) {
                for (MediaFileEntity f : em.createQuery("SELECT f FROM MediaFileEntity f WHERE f.id IN :ids",
                        MediaFileEntity.class).setParameter("ids", ids).getResultList()) {
                    byId.put(f.id, f);
                }
            }
            // a file deleted between the two reads (a scan removing it) is left out of the page
            List<LibraryFile> items = ids.stream().map(byId::get).filter(Objects::nonNull)
                    .map(FileViews::file).toList();
            return new FilePage(items, total, q.limit(), q.offset());
        });
    }

    /** A query's cache key: its conditions and each parameter with its length, so no two queries share one. */
    private static String totalKey(String where, Map<String, Object> params) {
        StringBuilder key = new StringBuilder("total").append(where);
        params.forEach((name, value) -> {
            String text = String.valueOf(value);
            key.append(' ').append(name).append('=').append(text.length()).append(':').append(text);
        });
        return key.toString();
    }

    @Override
    public LibraryFileDetail file(long fileId) {
        return db.read(em -> FileViews.detail(find(em, fileId)));
    }

    private static MediaFileEntity find(EntityManager em, long fileId) {
        MediaFileEntity f = em.find(MediaFileEntity.class, fileId);
        if (f == null) {
            throw new NotFoundException("no file with id " + fileId);
        }
        return f;
    }

    @Override
    public LibraryFileDetail updateMetadata(long fileId, Map<String, Object> changes) {
        if (changes == null) {
            throw new InvalidInputException("metadata", "a JSON object of fields is required");
        }
        return db.tx(em -> {
            MediaFileEntity f = find(em, fileId);
            Map<String, MetadataField> declared = new HashMap<>();
            boolean typeFields = changes.keySet().stream().anyMatch(k -> !TITLE.equals(k) && !YEAR.equals(k));
            if (typeFields) {
                Optional<MediaTypeDescriptor> d = registry.descriptorFor(f.mediaType);
                if (d.isEmpty()) {
                    throw new ConflictException("no scanner for media type '" + f.mediaType
                            + "' is installed, so its metadata fields cannot be edited now");
                }
                for (MetadataField field : d.get().fields) {
                    if (field != null && field.name != null) {
                        declared.put(field.name, field);
                    }
                }
            }
            // check everything before changing anything
            Map<String, Object> checked = new LinkedHashMap<>();
            for (Map.Entry<String, Object> c : changes.entrySet()) {
                String key = c.getKey();
                Object value = c.getValue();
                if (TITLE.equals(key)) {
                    if (!(value instanceof String s) || s.isBlank()) {
                        throw new InvalidInputException(TITLE, "'title' must be a non-empty string");
                    }
                    if (s.strip().length() > 1000) {
                        throw new InvalidInputException(TITLE, "'title' must be at most 1000 characters");
                    }
                    checked.put(key, s.strip());
                } else if (YEAR.equals(key)) {
                    Long y = value == null ? null : MetadataValues.integral(value);
                    if (value != null && (y == null || y < 1 || y > 9999)) {
                        throw new InvalidInputException(YEAR, "'year' must be an integer from 1 to 9999, or null");
                    }
                    checked.put(key, y == null ? null : y.intValue());
                } else {
                    MetadataField field = declared.get(key);
                    if (field == null || field.type == null) {
                        throw new InvalidInputException(key, "'" + key + "' is not a metadata field of media type '"
                                + f.mediaType + "'");
                    }
                    checked.put(key, MetadataValues.check(key, field.type, value));
                }
            }
            Map<String, Object> metadata = Json.readMap(f.metadata);
            Set<String> locked = new LinkedHashSet<>(Json.readStringList(f.lockedFields));
            for (Map.Entry<String, Object> c : checked.entrySet()) {
                String key = c.getKey();
                if (TITLE.equals(key)) {
                    f.title = (String) c.getValue();
                } else if (YEAR.equals(key)) {
                    f.year = (Integer) c.getValue();
                } else if (c.getValue() == null) {
                    metadata.remove(key);
                } else {
                    metadata.put(key, c.getValue());
                }
                locked.add(key);
            }
            f.metadata = Json.write(metadata);
            f.lockedFields = Json.write(new ArrayList<>(locked));
            f.updatedAt = clock.instant();
            FileViews.refreshDerived(f, metadata);
            em.flush();
            return FileViews.detail(f);
        });
    }

    @Override
    public void unlockField(long fileId, String field) {
        db.txRun(em -> {
            MediaFileEntity f = find(em, fileId);
            List<String> locked = new ArrayList<>(Json.readStringList(f.lockedFields));
            if (field == null || !locked.remove(field)) {
                throw new NotFoundException("field '" + field + "' of file " + fileId + " is not locked");
            }
            f.lockedFields = Json.write(locked);
            f.updatedAt = clock.instant();
        });
    }

    @Override
    public LibraryStats stats() {
        return aggregates.get("stats", () -> db.read(em -> {
            Map<String, LibraryStats.TypeStats> byType = new TreeMap<>();
            long files = 0;
            long size = 0;
            for (Object[] row : em.createQuery("SELECT f.mediaType, COUNT(f), SUM(f.sizeBytes) FROM MediaFileEntity f "
                    + "GROUP BY f.mediaType", Object[].class).getResultList()) {
                long c = ((Number) row[1]).longValue();
                long s = row[2] == null ? 0 : ((Number) row[2]).longValue();
                files += c;
                size += s;
                if (row[0] != null) {
                    byType.put((String) row[0], new LibraryStats.TypeStats(c, s));
                }
            }
            return new LibraryStats(files, size, Collections.unmodifiableMap(byType), countBy(em, "codec"),
                    countBy(em, "resolution"));
        }));
    }

    private static Map<String, Long> countBy(EntityManager em, String attribute) {
        // attribute is one of two constants, never user input
        Map<String, Long> out = new TreeMap<>();
        for (Object[] row : em.createQuery("SELECT f." + attribute + ", COUNT(f) FROM MediaFileEntity f WHERE f."
                + attribute + " IS NOT NULL GROUP BY f." + attribute, Object[].class).getResultList()) {
            out.put((String) row[0], ((Number) row[1]).longValue());
        }
        return Collections.unmodifiableMap(out);
    }

}
