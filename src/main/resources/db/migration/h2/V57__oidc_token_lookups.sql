-- Spring's authorization server finds an authorization by the value of one of its tokens (the
-- code at the exchange, the refresh token at each refresh, the access token at userinfo and
-- introspection), `WHERE refresh_token_value = ?` and the like. V24 gave those columns no index,
-- so every lookup read the whole table, and a refresh grew slower with every sign-in kept. H2
-- cannot index TEXT (a CLOB): the looked-up columns become VARCHAR (up to 1,000,000 characters,
-- far above any token) and get an index each. The service reads the columns' JDBC types from the
-- database at start, and binds its values as strings to them.
ALTER TABLE oauth2_authorization ALTER COLUMN authorization_code_value SET DATA TYPE VARCHAR;
ALTER TABLE oauth2_authorization ALTER COLUMN access_token_value SET DATA TYPE VARCHAR;
ALTER TABLE oauth2_authorization ALTER COLUMN oidc_id_token_value SET DATA TYPE VARCHAR;
ALTER TABLE oauth2_authorization ALTER COLUMN refresh_token_value SET DATA TYPE VARCHAR;
ALTER TABLE oauth2_authorization ALTER COLUMN user_code_value SET DATA TYPE VARCHAR;
ALTER TABLE oauth2_authorization ALTER COLUMN device_code_value SET DATA TYPE VARCHAR;
CREATE INDEX ix_oauth2_authorization_state ON oauth2_authorization (state);
CREATE INDEX ix_oauth2_authorization_code ON oauth2_authorization (authorization_code_value);
CREATE INDEX ix_oauth2_authorization_access ON oauth2_authorization (access_token_value);
CREATE INDEX ix_oauth2_authorization_id_token ON oauth2_authorization (oidc_id_token_value);
CREATE INDEX ix_oauth2_authorization_refresh ON oauth2_authorization (refresh_token_value);
CREATE INDEX ix_oauth2_authorization_user_code ON oauth2_authorization (user_code_value);
CREATE INDEX ix_oauth2_authorization_device_code ON oauth2_authorization (device_code_value);
