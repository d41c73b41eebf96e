-- Every index of media_files is written on every insert of a scan, and Derby scans an index in one direction
-- only: an ascending index serves ascending pages and nothing else. Of the sort and filter indexes, only
-- (title_sort, id) pays for itself: title ascending is the default order of every client. The others served
-- rare orders (oldest first, smallest first, earliest year first), never the descending ones people use
-- (recently added, largest, newest), and media_type is too coarse a filter to be worth a b-tree. Pages of the
-- other orders sort the narrow (key, id) rows of the table and then load the page's files by id
-- (LibraryServiceImpl.files), which is fast in both directions.
DROP INDEX ix_media_files_type;
DROP INDEX ix_media_files_added_at;
DROP INDEX ix_media_files_year;
DROP INDEX ix_media_files_size;
