package org.omnilux.core.internal.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.omnilux.api.auth.AuthService;
import org.omnilux.api.auth.Role;
import org.omnilux.api.auth.Session;
import org.omnilux.api.auth.User;
import org.omnilux.api.service.AuthenticationException;
import org.omnilux.api.service.ConflictException;
import org.omnilux.api.service.InvalidInputException;
import org.omnilux.api.service.NotFoundException;
import org.omnilux.api.service.UnavailableException;
import org.omnilux.core.internal.persistence.Database;
import org.omnilux.core.internal.persistence.TokenEntity;
import org.omnilux.core.internal.persistence.UserEntity;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users, PBKDF2 password hashes and hashed bearer tokens. User changes that must see a consistent count of
 * admins (create, delete) are serialised on this object.
 */
@Component(service = {AuthService.class, AuthServiceImpl.class}, configurationPid = AuthConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AuthConfig.class)
public final class AuthServiceImpl implements AuthService {
    private static final Logger LOG = LoggerFactory.getLogger(AuthServiceImpl.class);
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    static final int MIN_PASSWORD_LENGTH = 8;
    static final String ADMIN_PASSWORD_PROPERTY = "omnilux.admin.password";
    static final String INITIAL_PASSWORD_FILE = "initial-admin-password";

    private final Database db;
    private final Duration tokenLifetime;
    private final PasswordHasher hasher;
    private final SecureRandom random;
    private final Clock clock;
    private final String initialAdminPassword;
    private final Path dataDir;
    private volatile boolean initialAdminChecked;
    private volatile String dummyHash;
    private volatile boolean closed;
    private Thread bootstrapThread;

    @Activate
    public AuthServiceImpl(@Reference Database db, BundleContext context, AuthConfig config) {
        this(db, Duration.ofDays(Math.max(1, config.tokenLifetimeDays())),
                Math.max(PasswordHasher.MIN_ITERATIONS, config.pbkdf2Iterations()), adminPassword(context),
                db.dataDir(), Clock.systemUTC());
        // create the first admin as soon as the database is up, without holding up the activation
        Thread t = new Thread(() -> {
            while (!closed && !db.hasFailed()) {
                try {
                    ensureInitialAdmin();
                    return;
                } catch (UnavailableException e) {
                    LOG.debug("Initial admin check waits for the database: {}", e.getMessage());
                } catch (RuntimeException e) {
                    LOG.error("Could not create the initial admin user", e);
                    return;
                }
            }
        }, "omnilux-auth-init");
        t.setDaemon(true);
        t.start();
        bootstrapThread = t;
    }

    /** For tests and tools: everything explicit. */
    public AuthServiceImpl(Database db, Duration tokenLifetime, int iterations, String initialAdminPassword,
            Path dataDir, Clock clock) {
        this.db = db;
        this.tokenLifetime = tokenLifetime;
        this.random = new SecureRandom();
        this.hasher = new PasswordHasher(iterations, random);
        this.initialAdminPassword = initialAdminPassword;
        this.dataDir = dataDir;
        this.clock = clock;
    }

    private static String adminPassword(BundleContext context) {
        String p = context.getProperty(ADMIN_PASSWORD_PROPERTY);
        if (p == null || p.isEmpty()) {
            p = System.getenv("OMNILUX_ADMIN_PASSWORD");
        }
        return p == null || p.isEmpty() ? null : p;
    }

    /** @return {@code true} once the first-start admin exists (or was found to be unnecessary) */
    public boolean isBootstrapped() {
        return initialAdminChecked;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        closed = true;
        // leave nothing running into the bundles that stop after us (EclipseLink would vanish under it)
        Thread t = bootstrapThread;
        if (t != null) {
            t.interrupt();
            t.join(5000);
        }
    }

    /**
     * On a first start (no users at all) creates {@code admin}, with the configured password or a random one
     * that is logged once and written to {@code <dataDir>/initial-admin-password} (mode 0600).
     */
    public void ensureInitialAdmin() {
        if (initialAdminChecked) {
            return;
        }
        synchronized (this) {
            if (!initialAdminChecked) {
                createInitialAdmin();
            }
        }
    }

    private void createInitialAdmin() {
        long count = db.read(em -> em.createQuery("SELECT COUNT(u) FROM UserEntity u", Long.class).getSingleResult());
        if (count == 0) {
            String password = initialAdminPassword;
            boolean generated = password == null;
            if (generated) {
                password = Tokens.newToken(random).substring(0, 24);
            } else if (password.length() < MIN_PASSWORD_LENGTH) {
                LOG.warn("The configured admin password is shorter than {} characters; change it soon",
                        MIN_PASSWORD_LENGTH);
            }
            insertUser("admin", password, Role.ADMIN);
            if (generated) {
                Path file = writePasswordFile(password);
                LOG.warn("\n*************************************************************\n"
                        + "  First start: created user 'admin' with password: {}\n"
                        + "  (also written to {}; change it and delete that file)\n"
                        + "*************************************************************", password, file);
            } else {
                LOG.info("First start: created user 'admin' with the configured password");
            }
        }
        initialAdminChecked = true;
    }

    private Path writePasswordFile(String password) {
        Path file = dataDir.resolve(INITIAL_PASSWORD_FILE);
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file); // not a POSIX file system
            }
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            LOG.warn("{} appeared while writing it", file);
        } catch (IOException e) {
            LOG.warn("Could not write the initial admin password to {}: {}", file, e.getMessage());
        }
        return file;
    }

    @Override
    public Session login(String username, String password) {
        ensureInitialAdmin();
        UserEntity user = username == null ? null : findByUsername(username);
        if (user == null) {
            // spend the same time as for a real user, so that timing does not reveal which names exist
            PasswordHasher.verify(password == null ? "" : password, dummyHash());
            throw new AuthenticationException("invalid username or password");
        }
        if (password == null || !PasswordHasher.verify(password, user.passwordHash)) {
            throw new AuthenticationException("invalid username or password");
        }
        String token = Tokens.newToken(random);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(tokenLifetime);
        db.txRun(em -> {
            em.createQuery("DELETE FROM TokenEntity t WHERE t.expiresAt < :now").setParameter("now", now)
                    .executeUpdate();
            TokenEntity t = new TokenEntity();
            t.tokenHash = Tokens.hash(token);
            t.userId = user.id;
            t.createdAt = now;
            t.expiresAt = expiresAt;
            t.revoked = false;
            em.persist(t);
        });
        return new Session(token, role(user), expiresAt);
    }

    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = hasher.hash(Tokens.newToken(random));
            dummyHash = h;
        }
        return h;
    }

    @Override
    public void logout(String token) {
        if (!Tokens.wellFormed(token)) {
            return;
        }
        String hash = Tokens.hash(token);
        db.txRun(em -> em.createQuery("UPDATE TokenEntity t SET t.revoked = TRUE WHERE t.tokenHash = :h")
                .setParameter("h", hash).executeUpdate());
    }

    @Override
    public User authenticate(String token) {
        if (!Tokens.wellFormed(token)) {
            throw new AuthenticationException("invalid token");
        }
        String hash = Tokens.hash(token);
        Instant now = clock.instant();
        return db.read(em -> {
            List<TokenEntity> found = em.createQuery("SELECT t FROM TokenEntity t WHERE t.tokenHash = :h",
                    TokenEntity.class).setParameter("h", hash).getResultList();
            if (found.isEmpty()) {
                throw new AuthenticationException("invalid token");
            }
            TokenEntity t = found.get(0);
            if (t.revoked) {
                throw new AuthenticationException("the token was revoked");
            }
            if (!t.expiresAt.isAfter(now)) {
                throw new AuthenticationException("the token has expired");
            }
            UserEntity u = em.find(UserEntity.class, t.userId);
            if (u == null) {
                throw new AuthenticationException("invalid token");
            }
            return toUser(u);
        });
    }

    @Override
    public synchronized User createUser(String username, String password, Role role) {
        if (username == null || username.isBlank()) {
            throw new InvalidInputException("username", "username is required");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username",
                    "username must be 1 to 64 characters of letters, digits, '.', '_' or '-'");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password",
                    "password must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        if (role == null) {
            throw new InvalidInputException("role", "role must be 'admin' or 'user'");
        }
        if (findByUsername(username) != null) {
            throw new ConflictException("username '" + username + "' is already taken");
        }
        return insertUser(username, password, role);
    }

    private User insertUser(String username, String password, Role role) {
        String hash = hasher.hash(password);
        return db.tx(em -> {
            UserEntity u = new UserEntity();
            u.username = username;
            u.usernameKey = key(username);
            u.passwordHash = hash;
            u.role = role.apiName();
            u.createdAt = clock.instant();
            em.persist(u);
            em.flush();
            return toUser(u);
        });
    }

    @Override
    public List<User> users() {
        return db.read(em -> em.createQuery("SELECT u FROM UserEntity u ORDER BY u.id", UserEntity.class)
                .getResultList().stream().map(AuthServiceImpl::toUser).toList());
    }

    @Override
    public synchronized void deleteUser(long userId) {
        db.txRun(em -> {
            UserEntity u = em.find(UserEntity.class, userId);
            if (u == null) {
                throw new NotFoundException("no user with id " + userId);
            }
            if (Role.ADMIN.apiName().equals(u.role) && countAdmins(em) <= 1) {
                throw new ConflictException("the last admin cannot be deleted");
            }
            // revokes every token of the user at once (the rows go with the user)
            em.createQuery("DELETE FROM TokenEntity t WHERE t.userId = :u").setParameter("u", userId).executeUpdate();
            em.remove(u);
        });
    }

    private static long countAdmins(EntityManager em) {
        return em.createQuery("SELECT COUNT(u) FROM UserEntity u WHERE u.role = :r", Long.class)
                .setParameter("r", Role.ADMIN.apiName()).getSingleResult();
    }

    private UserEntity findByUsername(String username) {
        String key = key(username);
        return db.read(em -> em.createQuery("SELECT u FROM UserEntity u WHERE u.usernameKey = :k", UserEntity.class)
                .setParameter("k", key).getResultList().stream().findFirst().orElse(null));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private static Role role(UserEntity u) {
        Role r = Role.fromApiName(u.role);
        return r == null ? Role.USER : r;
    }

    private static User toUser(UserEntity u) {
        return new User(u.id, u.username, role(u));
    }
}
