package org.omnilux.core.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS, new SecureRandom());

    @Test
    void hashHasTheDocumentedFormatAndVerifies() {
        String h = hasher.hash("correct horse");
        String[] parts = h.split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals(210_000, Integer.parseInt(parts[1]));
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
        assertTrue(PasswordHasher.verify("correct horse", h));
        assertFalse(PasswordHasher.verify("correct horsE", h));
        assertFalse(PasswordHasher.verify("", h));
    }

    @Test
    void samePasswordGetsDifferentSalts() {
        PasswordHasher fast = new PasswordHasher(1000, new SecureRandom());
        String a = fast.hash("secret-password");
        String b = fast.hash("secret-password");
        assertNotEquals(a, b);
        assertTrue(PasswordHasher.verify("secret-password", a));
        assertTrue(PasswordHasher.verify("secret-password", b));
    }

    @Test
    void malformedStoredValuesNeverVerify() {
        assertFalse(PasswordHasher.verify("x", null));
        assertFalse(PasswordHasher.verify("x", "plain"));
        assertFalse(PasswordHasher.verify("x", "pbkdf2-sha256$abc$AAAA$AAAA"));
        assertFalse(PasswordHasher.verify("x", "bcrypt$1000$AAAA$AAAA"));
        assertFalse(PasswordHasher.verify("x", "pbkdf2-sha256$1000$!!$AAAA"));
    }

    @Test
    void tokensAreLongRandomAndHashed() {
        SecureRandom r = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String t = Tokens.newToken(r);
            assertTrue(Tokens.wellFormed(t), t);
            assertEquals(32, Base64.getUrlDecoder().decode(t).length);
            assertTrue(seen.add(t));
        }
        String t = seen.iterator().next();
        String h = Tokens.hash(t);
        assertTrue(h.matches("[0-9a-f]{64}"));
        assertEquals(h, Tokens.hash(t));
        assertFalse(h.contains(t));
        assertFalse(Tokens.wellFormed("short"));
        assertFalse(Tokens.wellFormed(null));
        assertFalse(Tokens.wellFormed(t + "/"));
    }
}
