package io.roster.access;

import io.roster.shared.Settings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the access module: {@code roster.bootstrap.*}, {@code roster.tokens.*},
 * {@code roster.sign-in.*}, {@code roster.audit.*}, {@code roster.metrics.token},
 * {@code roster.retention.sign-in-events} and {@code roster.mfa.secret-key}. Secrets never appear in {@code toString()}.
 */
@ConfigurationProperties("roster")
record AccessProperties(@DefaultValue Bootstrap bootstrap, @DefaultValue Tokens tokens, @DefaultValue SignIn signIn,
        @DefaultValue Audit audit, @DefaultValue Scrape metrics, @DefaultValue Kept retention, @DefaultValue Mfa mfa) {

    /**
     * The platform operator created at start while none exists ({@link OperatorBootstrap}); both
     * empty by default. The email is checked when it is used: a node joining a platform that has its
     * operator never reads it.
     */
    record Bootstrap(@DefaultValue("") String adminEmail, @DefaultValue("") String adminPassword) {
        Bootstrap {
            adminEmail = adminEmail == null ? "" : adminEmail;
            adminPassword = adminPassword == null ? "" : adminPassword;
        }

        @Override
        public String toString() {
            return "Bootstrap[adminEmail=" + adminEmail + ", adminPassword=" + (adminPassword.isEmpty() ? "" : "******") + "]";
        }
    }

    /** @param lifetime how long an API token works ({@code ROSTER_TOKEN_LIFETIME}) */
    record Tokens(@DefaultValue("PT12H") Duration lifetime) {
        Tokens {
            Settings.positive(lifetime, "roster.tokens.lifetime (ROSTER_TOKEN_LIFETIME)");
        }
    }

    /**
     * Brute-force protection ({@link SignInThrottle}) and device cookies ({@link DeviceCookies}).
     *
     * @param delayAfter failures of an account before each attempt must wait (an address: four times as many)
     * @param delayUnit the first wait, doubled with each further failure; 0s switches the waits off
     * @param maxDelay the longest wait
     * @param lockAfter failures of an account that lock it
     * @param lockDuration how long a lockout lasts
     * @param addressLockAfter failures from one client address that lock it
     * @param deviceCookieLifetime how long a device cookie lets its browser past an account lockout
     */
    record SignIn(@DefaultValue("5") int delayAfter, @DefaultValue("PT1S") Duration delayUnit,
            @DefaultValue("PT30S") Duration maxDelay, @DefaultValue("25") int lockAfter,
            @DefaultValue("PT15M") Duration lockDuration, @DefaultValue("100") int addressLockAfter,
            @DefaultValue("P365D") Duration deviceCookieLifetime) {
        SignIn {
            Settings.atLeast(delayAfter, 1, "roster.sign-in.delay-after");
            Settings.notNegative(delayUnit, "roster.sign-in.delay-unit");
            Settings.notNegative(maxDelay, "roster.sign-in.max-delay");
            Settings.atLeast(lockAfter, 1, "roster.sign-in.lock-after");
            Settings.positive(lockDuration, "roster.sign-in.lock-duration");
            Settings.atLeast(addressLockAfter, 1, "roster.sign-in.address-lock-after");
            Settings.positive(deviceCookieLifetime,
                    "roster.sign-in.device-cookie-lifetime (ROSTER_SIGN_IN_DEVICE_COOKIE_LIFETIME)");
        }
    }

    /** @param deniedPerMinute refused attempts written to the audit log per actor and minute ({@link DeniedAttemptBudget}) */
    record Audit(@DefaultValue("20") int deniedPerMinute) {
        Audit {
            Settings.atLeast(deniedPerMinute, 1, "roster.audit.denied-per-minute (ROSTER_AUDIT_DENIED_PER_MINUTE)");
        }
    }

    /** @param token the bearer token a metrics collector sends ({@link MetricsScrapeAccess}); empty: local collectors only */
    record Scrape(@DefaultValue("") String token) {
        Scrape {
            token = token == null ? "" : token;
        }

        @Override
        public String toString() {
            return "Scrape[token=" + (token.isBlank() ? "" : "******") + "]";
        }
    }

    /** @param signInEvents how long sign-in events are kept ({@code ROSTER_RETENTION_SIGN_IN_EVENTS}) */
    record Kept(@DefaultValue("P90D") Duration signInEvents) {
        Kept {
            Settings.positive(signInEvents, "roster.retention.sign-in-events (ROSTER_RETENTION_SIGN_IN_EVENTS)");
        }
    }

    /**
     * @param secretKey the AES key (base64 of 32 bytes) sealing the authenticator apps' secrets at rest
     *        ({@code ROSTER_MFA_SECRET_KEY}, {@link TotpSecretVault}); empty: a development key, with a
     *        warning at start
     */
    record Mfa(@DefaultValue("") String secretKey) {
        static final String SETTING = "roster.mfa.secret-key (ROSTER_MFA_SECRET_KEY)";

        Mfa {
            secretKey = secretKey == null ? "" : secretKey;
            if (!secretKey.isBlank()) {
                io.roster.shared.SealedSecrets.decodeKey(secretKey, SETTING);
            }
        }

        @Override
        public String toString() {
            return "Mfa[secretKey=(hidden)]";
        }
    }
}
