-- SCIM provisioning (docs/rules.md §19): what a company decides for the people its directory
-- provisions. No row means the defaults: the MEMBER role, and the account-setup invitation mailed.
CREATE TABLE scim_settings (
    company_id          VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES companies (id) ON DELETE CASCADE,
    -- a built-in role id or one of the company's custom roles
    default_role_id     VARCHAR(36) NOT NULL,
    invite_provisioned  BOOLEAN     NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
