package org.omnilux.core.internal.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "library_roots")
public class RootEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;
    @Column(name = "path", nullable = false)
    public String path;
    @Column(name = "name", nullable = false)
    public String name;
    @Column(name = "media_type", nullable = false)
    public String mediaType;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "last_scan_at")
    public Instant lastScanAt;
}
