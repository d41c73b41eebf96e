package org.omnilux.core.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "scan_job_errors")
public class ScanErrorEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;
    @Column(name = "job_id", nullable = false)
    public long jobId;
    @Column(name = "path")
    public String path;
    @Column(name = "message", nullable = false)
    public String message;
}
