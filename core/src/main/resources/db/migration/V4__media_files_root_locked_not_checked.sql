-- A foreign key is checked on every insert: for every statement of a scan's batch Derby looked the root up, locked
-- it and released it again, a fifth of the scan writer's CPU. The root row is now locked once per transaction by
-- the code that adds files to it or removes it, always before any file row (ScanServiceImpl.write and the end of a
-- walk, LibraryServiceImpl.removeRoot): a root is removed only between two batches of its scan, with all of its
-- files, and a batch that finds its root gone writes nothing. PostgreSQL checks foreign keys cheaply; a port may
-- add the constraint back.
ALTER TABLE media_files DROP CONSTRAINT fk_media_files_root;
-- The files of a root are read and deleted by root_id. Derby never made V2's ix_media_files_root (it was a
-- duplicate of the constraint's own index, which went with the constraint), hence a new name: on a database that
-- has V2's index this one is a duplicate to drop.
CREATE INDEX ix_media_files_root_id ON media_files (root_id);
