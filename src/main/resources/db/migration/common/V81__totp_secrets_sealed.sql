-- Second factor (docs/rules.md §21): the authenticator apps' secrets are stored sealed (AES-GCM,
-- "v1:" + base64 of nonce, ciphertext and tag), longer than the clear base32 value: the column
-- grows. Rows still in the clear are sealed by the application at start (TotpSecretSealing), since
-- SQL has no access to the configured key.
ALTER TABLE totp_factors ALTER COLUMN secret SET DATA TYPE VARCHAR(200);
