package org.omnilux.api.library;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Starts, follows and cancels scan jobs.
 *
 * @since 1.0
 */
@ProviderType
public interface ScanService {

    /**
     * Starts a scan of one root, or of every root when {@code rootId} is {@code null}. When a requested root
     * is already being scanned, nothing new starts and the running job is returned.
     *
     * @return the job, running
     * @throws org.omnilux.api.service.NotFoundException for an unknown root id
     */
    ScanJob start(Long rootId);

    /** @throws org.omnilux.api.service.NotFoundException for an unknown job id */
    ScanJob job(long jobId);

    /** @return recent jobs, newest first */
    List<ScanJob> recentJobs();

    /**
     * Cancels a running job.
     *
     * @throws org.omnilux.api.service.NotFoundException for an unknown job id
     * @throws org.omnilux.api.service.ConflictException when the job is not running any more
     */
    ScanJob cancel(long jobId);
}
