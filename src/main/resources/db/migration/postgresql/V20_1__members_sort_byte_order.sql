-- The copied userId sort key orders like the accounts' one (byte order, see V1_1).
ALTER TABLE workspace_members ALTER COLUMN user_id_sort TYPE VARCHAR(255) COLLATE "C";
