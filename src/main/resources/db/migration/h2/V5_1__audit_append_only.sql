-- The audit log is append-only: H2 runs a Java trigger (no procedural SQL there) that refuses
-- UPDATE and DELETE. The class name is part of the schema: keep io.roster.audit.AppendOnlyTrigger.
-- H2 has no TRUNCATE trigger; TRUNCATE is refused only on PostgreSQL.
CREATE TRIGGER audit_entries_no_update_or_delete BEFORE UPDATE, DELETE ON audit_entries
    FOR EACH ROW CALL 'io.roster.audit.AppendOnlyTrigger';
