-- Every index of media_files is written on every insert of a scan. (root_id, path) repeated the long path key of
-- uq_media_files_path and served no query that an index on root_id alone does not: the files of a root are read by
-- root_id, a file by path. The plain root_id index is what the foreign key needs anyway (Derby already keeps one
-- for the constraint and shares it; PostgreSQL creates none by itself).
CREATE INDEX ix_media_files_root ON media_files (root_id);
DROP INDEX ix_media_files_root_path;
