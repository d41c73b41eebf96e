package org.omnilux.api.auth;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Users, logins and bearer tokens. Thread-safe.
 *
 * @since 1.0
 */
@ProviderType
public interface AuthService {

    /**
     * @return a new session
     * @throws org.omnilux.api.service.AuthenticationException for an unknown user or a wrong password (the
     *         same answer for both)
     */
    Session login(String username, String password);

    /** Revokes the token at once; unknown tokens are ignored. */
    void logout(String token);

    /**
     * @return the user the token belongs to
     * @throws org.omnilux.api.service.AuthenticationException for an unknown, revoked or expired token
     */
    User authenticate(String token);

    /**
     * @throws org.omnilux.api.service.InvalidInputException for a blank or malformed username or a too
     *         short password
     * @throws org.omnilux.api.service.ConflictException when the username is taken
     */
    User createUser(String username, String password, Role role);

    List<User> users();

    /**
     * Deletes the user and revokes their tokens.
     *
     * @throws org.omnilux.api.service.NotFoundException for an unknown id
     * @throws org.omnilux.api.service.ConflictException when it is the last admin
     */
    void deleteUser(long userId);
}
