package org.omnilux.core.internal.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "users")
public class UserEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;
    @Column(name = "username", nullable = false)
    public String username;
    @Column(name = "username_key", nullable = false)
    public String usernameKey;
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;
    /** {@code admin} or {@code user} */
    @Column(name = "role", nullable = false)
    public String role;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
