-- Prefix search (LIKE 'abc%') can only use a B-tree index under the "C" collation; the sort
-- columns hold lower-cased copies, so byte order is also the order people expect, and it is the
-- order H2 uses. Done here because H2 has no collation clause of this form.
ALTER TABLE accounts ALTER COLUMN user_id_sort TYPE VARCHAR(255) COLLATE "C";
ALTER TABLE accounts ALTER COLUMN first_name_sort TYPE VARCHAR(255) COLLATE "C";
ALTER TABLE accounts ALTER COLUMN last_name_sort TYPE VARCHAR(255) COLLATE "C";
ALTER TABLE accounts ALTER COLUMN email_sort TYPE VARCHAR(320) COLLATE "C";
