-- Spring's authorization server finds an authorization by the value of one of its tokens (the
-- code at the exchange, the refresh token at each refresh, the access token at userinfo and
-- introspection), `WHERE refresh_token_value = ?` and the like, or by any of them at once (an
-- introspection or revocation without a token_type_hint ORs the seven columns). V24 gave those
-- columns no index, so every lookup read the whole table, and a refresh grew slower with every
-- sign-in kept. Short values (state, code, refresh token) get a B-tree; the JWTs (access and ID
-- tokens, whose size grows with the roles and permissions they carry) a hash index, which has no
-- B-tree's key-size limit and serves the equality lookups that are all the service makes. Every
-- column has one, so the ORed lookup is a union of index scans too. Partial: NULLs are never
-- looked up (a spent code, the device-flow columns no client uses).
CREATE INDEX ix_oauth2_authorization_state ON oauth2_authorization (state) WHERE state IS NOT NULL;
CREATE INDEX ix_oauth2_authorization_code ON oauth2_authorization (authorization_code_value)
    WHERE authorization_code_value IS NOT NULL;
CREATE INDEX ix_oauth2_authorization_access ON oauth2_authorization USING hash (access_token_value)
    WHERE access_token_value IS NOT NULL;
CREATE INDEX ix_oauth2_authorization_id_token ON oauth2_authorization USING hash (oidc_id_token_value)
    WHERE oidc_id_token_value IS NOT NULL;
CREATE INDEX ix_oauth2_authorization_refresh ON oauth2_authorization (refresh_token_value)
    WHERE refresh_token_value IS NOT NULL;
CREATE INDEX ix_oauth2_authorization_user_code ON oauth2_authorization USING hash (user_code_value)
    WHERE user_code_value IS NOT NULL;
CREATE INDEX ix_oauth2_authorization_device_code ON oauth2_authorization USING hash (device_code_value)
    WHERE device_code_value IS NOT NULL;
