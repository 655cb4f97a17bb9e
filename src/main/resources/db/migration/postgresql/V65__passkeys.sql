-- Passkeys (WebAuthn, docs/rules.md §21), in the tables of Spring Security's JDBC repositories
-- (JdbcPublicKeyCredentialUserEntityRepository, JdbcUserCredentialRepository), so every node sees
-- them. A person's WebAuthn user entity is named by their account id; each credential belongs to
-- one user entity and carries the name the person gave it (label). Binary columns differ by database.
CREATE TABLE user_entities (
    id            VARCHAR(1000) NOT NULL PRIMARY KEY,
    name          VARCHAR(100)  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    display_name  VARCHAR(200),
    CONSTRAINT uq_user_entities_name UNIQUE (name)
);

CREATE TABLE user_credentials (
    credential_id                 VARCHAR(1000) NOT NULL PRIMARY KEY,
    user_entity_user_id           VARCHAR(1000) NOT NULL REFERENCES user_entities (id) ON DELETE CASCADE,
    public_key                    BYTEA NOT NULL,
    signature_count               BIGINT,
    uv_initialized                BOOLEAN,
    backup_eligible               BOOLEAN       NOT NULL,
    authenticator_transports      VARCHAR(1000),
    public_key_credential_type    VARCHAR(100),
    backup_state                  BOOLEAN       NOT NULL,
    attestation_object            BYTEA,
    attestation_client_data_json  BYTEA,
    created                       TIMESTAMP,
    last_used                     TIMESTAMP,
    label                         VARCHAR(1000) NOT NULL
);

CREATE INDEX ix_user_credentials_user ON user_credentials (user_entity_user_id);
