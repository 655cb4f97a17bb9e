-- The audit log is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE, whoever
-- asks. (Retention, if ever needed, is a deliberate migration that drops these triggers first.)
CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_entries_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();

-- The action filter matches prefixes ('user.') with a range on the index: byte order makes the
-- range exact whatever the database's collation (see V1_1).
ALTER TABLE audit_entries ALTER COLUMN action TYPE VARCHAR(64) COLLATE "C";
