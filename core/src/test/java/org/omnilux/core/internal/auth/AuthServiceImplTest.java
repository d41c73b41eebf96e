package org.omnilux.core.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.omnilux.api.auth.Role;
import org.omnilux.api.auth.Session;
import org.omnilux.api.auth.User;
import org.omnilux.api.service.AuthenticationException;
import org.omnilux.api.service.ConflictException;
import org.omnilux.api.service.InvalidInputException;
import org.omnilux.api.service.NotFoundException;
import org.omnilux.core.internal.persistence.Database;
import org.omnilux.core.internal.persistence.TokenEntity;
import org.omnilux.core.internal.testing.TestDatabases;

class AuthServiceImplTest {
    /** a clock the test moves */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private Database db;
    private Path dataDir;
    private final MovableClock clock = new MovableClock();
    private AuthServiceImpl auth;

    @BeforeEach
    void setUp() {
        dataDir = TestDatabases.newDataDir();
        db = Database.open(dataDir);
        auth = new AuthServiceImpl(db, Duration.ofDays(30), 1000, "admin-pass-1", dataDir, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void firstStartCreatesAdminWithConfiguredPassword() {
        auth.ensureInitialAdmin();
        List<User> users = auth.users();
        assertEquals(1, users.size());
        assertEquals("admin", users.get(0).username());
        assertEquals(Role.ADMIN, users.get(0).role());
        Session s = auth.login("admin", "admin-pass-1");
        assertEquals(Role.ADMIN, s.role());
        assertEquals(clock.instant().plus(Duration.ofDays(30)), s.expiresAt());
        assertFalse(Files.exists(dataDir.resolve(AuthServiceImpl.INITIAL_PASSWORD_FILE)));
        // a second check creates nobody else
        new AuthServiceImpl(db, Duration.ofDays(30), 1000, "other-pass-1", dataDir, clock).ensureInitialAdmin();
        assertEquals(1, auth.users().size());
    }

    @Test
    void generatedInitialPasswordIsWrittenWithMode0600AndWorks() throws Exception {
        AuthServiceImpl generated = new AuthServiceImpl(db, Duration.ofDays(30), 1000, null, dataDir, clock);
        generated.ensureInitialAdmin();
        Path file = dataDir.resolve(AuthServiceImpl.INITIAL_PASSWORD_FILE);
        assertTrue(Files.isRegularFile(file));
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        String password = Files.readString(file).strip();
        assertTrue(password.length() >= 16);
        assertEquals(Role.ADMIN, generated.login("admin", password).role());
    }

    @Test
    void loginRejectsWrongPasswordAndUnknownUserAlike() {
        auth.ensureInitialAdmin();
        AuthenticationException a = assertThrows(AuthenticationException.class, () -> auth.login("admin", "wrong-pass"));
        AuthenticationException b = assertThrows(AuthenticationException.class, () -> auth.login("nobody", "admin-pass-1"));
        assertEquals(a.getMessage(), b.getMessage());
        assertThrows(AuthenticationException.class, () -> auth.login("admin", null));
        assertThrows(AuthenticationException.class, () -> auth.login(null, "x"));
    }

    @Test
    void tokenIsStoredOnlyAsItsHashAndLogoutRevokesAtOnce() {
        auth.ensureInitialAdmin();
        Session s = auth.login("ADMIN", "admin-pass-1"); // usernames are case-insensitive
        List<TokenEntity> rows = db.read(em -> em.createQuery("SELECT t FROM TokenEntity t", TokenEntity.class)
                .getResultList());
        assertEquals(1, rows.size());
        assertEquals(Tokens.hash(s.token()), rows.get(0).tokenHash);
        assertFalse(rows.get(0).tokenHash.contains(s.token()));
        assertEquals("admin", auth.authenticate(s.token()).username());

        auth.logout(s.token());
        assertThrows(AuthenticationException.class, () -> auth.authenticate(s.token()));
        auth.logout("not-a-token"); // ignored
        assertThrows(AuthenticationException.class, () -> auth.authenticate(null));
        assertThrows(AuthenticationException.class, () -> auth.authenticate("garbage"));
        assertThrows(AuthenticationException.class,
                () -> auth.authenticate(Tokens.newToken(new java.security.SecureRandom())));
    }

    @Test
    void tokensExpire() {
        auth.ensureInitialAdmin();
        Session s = auth.login("admin", "admin-pass-1");
        clock.now.set(clock.instant().plus(Duration.ofDays(29)));
        assertEquals("admin", auth.authenticate(s.token()).username());
        clock.now.set(clock.instant().plus(Duration.ofDays(1)));
        assertThrows(AuthenticationException.class, () -> auth.authenticate(s.token()));
    }

    @Test
    void createUserValidatesAndRejectsDuplicatesCaseInsensitively() {
        User bob = auth.createUser("bob", "password1", Role.USER);
        assertEquals("bob", bob.username());
        assertEquals(Role.USER, auth.login("bob", "password1").role());
        assertThrows(ConflictException.class, () -> auth.createUser("BOB", "password2", Role.USER));
        InvalidInputException shortPw = assertThrows(InvalidInputException.class,
                () -> auth.createUser("carol", "short", Role.USER));
        assertEquals("password", shortPw.parameter());
        assertEquals("username", assertThrows(InvalidInputException.class,
                () -> auth.createUser("bad name", "password1", Role.USER)).parameter());
        assertEquals("username", assertThrows(InvalidInputException.class,
                () -> auth.createUser("x".repeat(65), "password1", Role.USER)).parameter());
        assertEquals("username", assertThrows(InvalidInputException.class,
                () -> auth.createUser("", "password1", Role.USER)).parameter());
        assertEquals("role", assertThrows(InvalidInputException.class,
                () -> auth.createUser("dave", "password1", null)).parameter());
        assertTrue(auth.createUser("a.b_c-D9", "password1", Role.ADMIN).id() > 0);
    }

    @Test
    void deletingAUserRevokesTokensAndTheLastAdminStays() {
        auth.ensureInitialAdmin();
        User admin = auth.users().get(0);
        assertThrows(ConflictException.class, () -> auth.deleteUser(admin.id()));

        User second = auth.createUser("root2", "password2", Role.ADMIN);
        Session s = auth.login("root2", "password2");
        auth.deleteUser(admin.id()); // now allowed: another admin exists
        assertThrows(ConflictException.class, () -> auth.deleteUser(second.id()));

        User bob = auth.createUser("bob", "password1", Role.USER);
        Session bobs = auth.login("bob", "password1");
        auth.deleteUser(bob.id());
        assertThrows(AuthenticationException.class, () -> auth.authenticate(bobs.token()));
        assertThrows(AuthenticationException.class, () -> auth.login("bob", "password1"));
        assertThrows(NotFoundException.class, () -> auth.deleteUser(bob.id()));
        assertEquals("root2", auth.authenticate(s.token()).username());
    }
}
