-- Roster as an OpenID Connect provider (io.roster.oidc, docs/rules.md "Signing apps in").
-- The first three tables have the shape Spring Security's authorization server reads and writes
-- (JdbcRegisteredClientRepository, JdbcOAuth2AuthorizationService,
-- JdbcOAuth2AuthorizationConsentService), with TEXT for its serialized values and time-zoned
-- timestamps, so H2 and PostgreSQL run the same file. Every node shares them: a code issued by one
-- node is redeemed on another.
CREATE TABLE oauth2_registered_client (
    id                            VARCHAR(100)  NOT NULL PRIMARY KEY,
    client_id                     VARCHAR(100)  NOT NULL,
    client_id_issued_at           TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    -- a SHA-256 hash of the secret (OidcClients): the secret itself is shown once
    client_secret                 VARCHAR(200),
    client_secret_expires_at      TIMESTAMP WITH TIME ZONE,
    client_name                   VARCHAR(200)  NOT NULL,
    client_authentication_methods VARCHAR(1000) NOT NULL,
    authorization_grant_types     VARCHAR(1000) NOT NULL,
    redirect_uris                 VARCHAR(4000),
    post_logout_redirect_uris     VARCHAR(4000),
    scopes                        VARCHAR(1000) NOT NULL,
    client_settings               VARCHAR(2000) NOT NULL,
    token_settings                VARCHAR(2000) NOT NULL,
    CONSTRAINT uq_oauth2_registered_client_client_id UNIQUE (client_id)
);

CREATE TABLE oauth2_authorization (
    id                            VARCHAR(100)  NOT NULL PRIMARY KEY,
    registered_client_id          VARCHAR(100)  NOT NULL,
    principal_name                VARCHAR(200)  NOT NULL,
    authorization_grant_type      VARCHAR(100)  NOT NULL,
    authorized_scopes             VARCHAR(1000),
    attributes                    TEXT,
    state                         VARCHAR(500),
    authorization_code_value      TEXT,
    authorization_code_issued_at  TIMESTAMP WITH TIME ZONE,
    authorization_code_expires_at TIMESTAMP WITH TIME ZONE,
    authorization_code_metadata   TEXT,
    access_token_value            TEXT,
    access_token_issued_at        TIMESTAMP WITH TIME ZONE,
    access_token_expires_at       TIMESTAMP WITH TIME ZONE,
    access_token_metadata         TEXT,
    access_token_type             VARCHAR(100),
    access_token_scopes           VARCHAR(1000),
    oidc_id_token_value           TEXT,
    oidc_id_token_issued_at       TIMESTAMP WITH TIME ZONE,
    oidc_id_token_expires_at      TIMESTAMP WITH TIME ZONE,
    oidc_id_token_metadata        TEXT,
    refresh_token_value           TEXT,
    refresh_token_issued_at       TIMESTAMP WITH TIME ZONE,
    refresh_token_expires_at      TIMESTAMP WITH TIME ZONE,
    refresh_token_metadata        TEXT,
    user_code_value               TEXT,
    user_code_issued_at           TIMESTAMP WITH TIME ZONE,
    user_code_expires_at          TIMESTAMP WITH TIME ZONE,
    user_code_metadata            TEXT,
    device_code_value             TEXT,
    device_code_issued_at         TIMESTAMP WITH TIME ZONE,
    device_code_expires_at        TIMESTAMP WITH TIME ZONE,
    device_code_metadata          TEXT
);
CREATE INDEX ix_oauth2_authorization_principal ON oauth2_authorization (principal_name);

CREATE TABLE oauth2_authorization_consent (
    registered_client_id          VARCHAR(100)  NOT NULL,
    principal_name                VARCHAR(200)  NOT NULL,
    authorities                   VARCHAR(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

-- The company each authorization signed its person in to: what a lost standing there revokes.
CREATE TABLE oidc_sign_ins (
    authorization_id              VARCHAR(100)  NOT NULL PRIMARY KEY,
    account_id                    VARCHAR(36)   NOT NULL,
    company_id                    VARCHAR(36)   NOT NULL,
    client_id                     VARCHAR(100)  NOT NULL,
    signed_in_at                  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_oidc_sign_ins_account ON oidc_sign_ins (account_id, company_id);

-- The keys every node signs with (RSA, as a private JWK). The newest one signs; a retired one stays
-- in the JWKS until every token it signed has expired.
CREATE TABLE oidc_signing_keys (
    kid                           VARCHAR(64)   NOT NULL PRIMARY KEY,
    jwk                           TEXT          NOT NULL,
    created_at                    TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at                    TIMESTAMP WITH TIME ZONE
);
