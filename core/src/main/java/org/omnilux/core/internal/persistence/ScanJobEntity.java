package org.omnilux.core.internal.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "scan_jobs")
public class ScanJobEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;
    @Column(name = "status", nullable = false)
    public String status;
    /** comma-separated root ids */
    @Column(name = "root_ids", nullable = false)
    public String rootIds;
    @Column(name = "files_seen", nullable = false)
    public long filesSeen;
    @Column(name = "files_added", nullable = false)
    public long filesAdded;
    @Column(name = "files_updated", nullable = false)
    public long filesUpdated;
    @Column(name = "files_removed", nullable = false)
    public long filesRemoved;
    @Column(name = "files_failed", nullable = false)
    public long filesFailed;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
