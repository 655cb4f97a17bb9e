-- Webhooks (docs/rules.md §18), issue 18 continued.
-- Signing secrets are stored sealed (AES-GCM, "v1:" + base64 of nonce, ciphertext and tag), longer
-- than the clear "whsec_" value: the columns grow. Rows still in the clear are sealed by the
-- application at start (SigningSecretSealing), since SQL has no access to the configured key.
ALTER TABLE webhook_endpoints ALTER COLUMN secret SET DATA TYPE VARCHAR(200);
ALTER TABLE webhook_endpoints ALTER COLUMN previous_secret SET DATA TYPE VARCHAR(200);
-- since when every attempt to the endpoint failed (NULL once one succeeds): past
-- roster.webhooks.disable-after the endpoint is disabled and its owners are mailed
ALTER TABLE webhook_endpoints ADD COLUMN failing_since TIMESTAMP WITH TIME ZONE;
-- why it was last disabled by Roster itself (NULL when its owner set it), for the console
ALTER TABLE webhook_endpoints ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;
