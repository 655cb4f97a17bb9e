-- A company's security policy (docs/rules.md §21). No row means the defaults: no second factor required.
CREATE TABLE company_security (
    company_id               VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES companies (id) ON DELETE CASCADE,
    require_mfa_for_admins   BOOLEAN     NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL
);
