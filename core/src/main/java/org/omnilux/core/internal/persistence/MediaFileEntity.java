package org.omnilux.core.internal.persistence;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** One media file of the library. JSON columns are kept as text; {@link Json} reads and writes them. */
@Entity
@Table(name = "media_files")
public class MediaFileEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;
    @Column(name = "root_id", nullable = false)
    public long rootId;
    @Column(name = "path", nullable = false)
    public String path;
    @Column(name = "media_type", nullable = false)
    public String mediaType;
    @Column(name = "title", nullable = false)
    public String title;
    @Column(name = "title_sort", nullable = false)
    public String titleSort;
    @Column(name = "release_year")
    public Integer year;
    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;
    /** epoch milliseconds */
    @Column(name = "mtime", nullable = false)
    public long mtime;
    @Column(name = "duration_seconds")
    public Long durationSeconds;
    @Column(name = "codec")
    public String codec;
    @Column(name = "resolution")
    public String resolution;
    @Column(name = "hdr")
    public Boolean hdr;
    @Column(name = "container")
    public String container;
    @Column(name = "added_at", nullable = false)
    public Instant addedAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "metadata")
    public String metadata;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "tracks")
    public String tracks;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "external_subtitles")
    public String externalSubtitles;
    @Column(name = "locked_fields")
    public String lockedFields;
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "search_text")
    public String searchText;
}
