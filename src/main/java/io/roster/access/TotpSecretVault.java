package io.roster.access;

import io.roster.shared.SealedSecrets;
import org.springframework.stereotype.Component;

/**
 * Keeps the authenticator apps' secrets encrypted at rest (docs/rules.md §21): Roster must compute
 * the codes, so it cannot keep only a hash as for recovery codes, but a database dump or backup
 * alone must not give them away. Each secret is sealed ({@link SealedSecrets}: AES-256-GCM) under
 * {@code roster.mfa.secret-key}, bound to its account, so a sealed secret copied onto another
 * account's row does not open.
 */
@Component
class TotpSecretVault {

    /** The key of a development run when none is configured: it protects nothing, and the start says so. */
    private static final String DEVELOPMENT_PHRASE = "roster development second factor secret key: not for production";

    private final SealedSecrets sealed;

    TotpSecretVault(AccessProperties properties) {
        this.sealed = SealedSecrets.withKey(properties.mfa().secretKey(), AccessProperties.Mfa.SETTING,
                DEVELOPMENT_PHRASE);
    }

    String seal(String accountId, String secret) {
        return sealed.seal(accountId, secret);
    }

    /** The secret in the clear; one still stored in the clear ({@link TotpSecretSealing}) as it is. */
    String open(String accountId, String stored) {
        return sealed.open(accountId, stored);
    }
}
