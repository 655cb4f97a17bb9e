-- Guests: a right given through an external invitation records who invited (the sponsor) and may
-- end at a date. guest stays true when the sponsor is gone (the workspace's ADMINs then sponsor it,
-- sponsor_account_id being null). No foreign key on the sponsor: a deleted sponsor's guests are
-- handed over by the application, which audits it.
ALTER TABLE workspace_members ADD COLUMN sponsor_account_id VARCHAR(36);
ALTER TABLE workspace_members ADD COLUMN guest BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE workspace_members ADD COLUMN ends_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE workspace_members ADD COLUMN reviewed_at TIMESTAMP WITH TIME ZONE;
-- the end-date job walks the due rights in date order
CREATE INDEX ix_workspace_members_ends_at ON workspace_members (ends_at);
-- a sponsor's guests (reviews, hand-over)
CREATE INDEX ix_workspace_members_sponsor ON workspace_members (sponsor_account_id, company_id, workspace_id);

-- the end date an external invitation carries to the right it gives
ALTER TABLE invitations ADD COLUMN ends_at TIMESTAMP WITH TIME ZONE;
