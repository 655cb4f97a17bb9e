-- An email change of an existing account waits for the new address to confirm it: until then the
-- account keeps its confirmed address, the only one sign-in, password resets and invitations use.
ALTER TABLE accounts ADD COLUMN pending_email VARCHAR(320);

-- The old address gets a link to cancel the change (or undo it once confirmed): it names the
-- address the change was to.
ALTER TABLE invitations ADD COLUMN new_email VARCHAR(320);
ALTER TABLE invitations DROP CONSTRAINT ck_invitations_kind;
ALTER TABLE invitations ADD CONSTRAINT ck_invitations_kind
    CHECK (kind IN ('ACCOUNT_SETUP', 'PASSWORD_RESET', 'EMAIL_CHANGE', 'EMAIL_CHANGE_CANCEL', 'WORKSPACE'));
