package io.roster.access;

import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import io.roster.shared.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's second factors (docs/rules.md §21): one authenticator app (TOTP), its secret sealed at
 * rest ({@link TotpSecretVault}), and ten single-use recovery codes. Only the person manages their own (the caller is the account); an administrator
 * may only reset them all ({@link #reset}). Proving a code is a guess like a password, so wrong
 * codes count in the sign-in throttle.
 */
@Service
public class SecondFactors {

    static final int RECOVERY_CODES = 10;
    /** The sign-in method a recovery code stands for: {@code amr} has no value of its own for it. */
    public static final String RECOVERY = "recovery";
    public static final String OTP = "otp";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final SignInThrottle throttle;
    private final TotpCodes totp = new TotpCodes();
    private final RecoveryCodeGenerator recoveryCodes = new RecoveryCodeGenerator();

    private final Passkeys passkeys;
    private final TotpSecretVault secrets;

    SecondFactors(JdbcClient jdbc, ApplicationEventPublisher events, SignInThrottle throttle, Passkeys passkeys,
            TotpSecretVault secrets) {
        this.passkeys = passkeys;
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.events = events;
        this.throttle = throttle;
    }

    /** What a person has enrolled: {@code totp}, how many recovery codes are left, how many passkeys. */
    public record Status(boolean totp, int recoveryCodesLeft, int passkeys) {
        public boolean enrolled() {
            return totp || passkeys > 0;
        }
    }

    /** A secret waiting for its first code: shown once, as text, URI and QR code. */
    public record TotpSetup(String secret, String otpauthUri, String qrCode) implements java.io.Serializable {
    }

    public Status status(String accountId) {
        boolean confirmed = jdbc.sql("SELECT COUNT(*) FROM totp_factors WHERE account_id = ? AND confirmed_at IS NOT NULL")
                .param(accountId).query(Integer.class).single() > 0;
        int codes = jdbc.sql("SELECT COUNT(*) FROM recovery_codes WHERE account_id = ?")
                .param(accountId).query(Integer.class).single();
        return new Status(confirmed, codes, passkeys.count(accountId));
    }

    /** True when signing in as this account takes a second factor. */
    public boolean enrolled(String accountId) {
        return status(accountId).enrolled();
    }

    /**
     * A new secret for the caller's authenticator app, pending until {@link #confirmTotp}; a pending
     * one is replaced. 409 when an app is already enrolled (remove it first).
     */
    @Transactional
    public TotpSetup startTotp(Caller caller, String accountLabel) {
        if (status(caller.accountId()).totp()) {
            throw new Problems.Conflict("mfa-enrolled", "An authenticator app is already enrolled: remove it first");
        }
        String secret = totp.newSecret();
        jdbc.sql("DELETE FROM totp_factors WHERE account_id = ?").param(caller.accountId()).update();
        jdbc.sql("INSERT INTO totp_factors (account_id, secret, created_at) VALUES (?, ?, ?)")
                .params(caller.accountId(), secrets.seal(caller.accountId(), secret), Instant.now().atOffset(ZoneOffset.UTC))
                .update();
        String label = accountLabel == null || accountLabel.isBlank() ? caller.userId() : accountLabel;
        return new TotpSetup(secret, totp.otpauthUri(secret, label), totp.qrCode(secret, label));
    }

    /**
     * The first code from the app enrols it; the answer is the first ten recovery codes, shown once.
     * A wrong code is 400 and counts in the throttle.
     */
    @Transactional
    public List<String> confirmTotp(Caller caller, String code, String clientAddress) {
        String secret = jdbc.sql("SELECT secret FROM totp_factors WHERE account_id = ? AND confirmed_at IS NULL")
                .param(caller.accountId()).query(String.class).optional()
                .map(stored -> secrets.open(caller.accountId(), stored))
                .orElseThrow(() -> new Problems.Conflict("mfa-not-started",
                        "No authenticator app is waiting for its first code: start with POST /api/v1/me/mfa/totp"));
        SignInThrottle.Keys keys = notThrottled(caller.accountId(), clientAddress);
        OptionalLong step = totp.matchingStep(secret, code, Instant.now(), 0);
        if (step.isEmpty()) {
            throw wrongCode(keys);
        }
        jdbc.sql("UPDATE totp_factors SET confirmed_at = ?, last_used_step = ? WHERE account_id = ?")
                .params(Instant.now().atOffset(ZoneOffset.UTC), step.getAsLong(), caller.accountId()).update();
        List<String> codes = replaceRecoveryCodes(caller.accountId());
        events.publishEvent(new SecondFactorEvents.Enrolled(caller.accountId(), caller.userId(), "totp",
                caller.homeCompanyId(), caller.homePartnerId()));
        return codes;
    }

    /** Removes the caller's app and recovery codes, on a current code from the app (or a recovery code). */
    @Transactional
    public void removeTotp(Caller caller, String code, String clientAddress) {
        if (!status(caller.accountId()).totp()) {
            throw new Problems.NotFound("No authenticator app is enrolled");
        }
        SignInThrottle.Keys keys = notThrottled(caller.accountId(), clientAddress);
        if (accept(caller.accountId(), code).isEmpty()) {
            throw wrongCode(keys);
        }
        deleteAll(caller.accountId());
        events.publishEvent(new SecondFactorEvents.Removed(caller.accountId(), caller.userId(), "totp",
                caller.homeCompanyId(), caller.homePartnerId()));
    }

    /** Ten new recovery codes, shown once; the old ones stop working. Needs an enrolled factor. */
    @Transactional
    public List<String> renewRecoveryCodes(Caller caller) {
        if (!enrolled(caller.accountId())) {
            throw new Problems.Conflict("mfa-not-enrolled", "Enrol an authenticator app or a passkey first");
        }
        List<String> codes = replaceRecoveryCodes(caller.accountId());
        events.publishEvent(new SecondFactorEvents.RecoveryCodesRenewed(caller.accountId(), caller.userId(),
                caller.homeCompanyId(), caller.homePartnerId()));
        return codes;
    }

    /**
     * An administrator of {@code company} removes every second factor of one of its people (who
     * lost their phone): the caller checked the administrator's permission and the person's company.
     */
    @Transactional
    public void reset(CompanyId company, String accountId, String byAccountId) {
        if (deleteAll(accountId) + passkeys.removeAll(accountId) > 0) {
            events.publishEvent(new SecondFactorEvents.Reset(accountId, company, byAccountId));
        }
    }

    /**
     * Whether {@code code} proves the account's second factor: a current code from the app (each
     * taken once, on every node: the step is moved forward by a conditional update), or an unused
     * recovery code (deleted as it is used). The method it was ({@link #OTP}, {@link #RECOVERY}).
     * The throttle is the caller's business.
     */
    @Transactional
    public Optional<String> accept(String accountId, String code) {
        if (code == null || code.isBlank() || code.length() > 64) {
            return Optional.empty();
        }
        var factor = jdbc.sql("SELECT secret, last_used_step FROM totp_factors WHERE account_id = ? AND confirmed_at IS NOT NULL")
                .param(accountId).query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).optional();
        if (factor.isEmpty()) {
            return Optional.empty();
        }
        String secret = secrets.open(accountId, (String) factor.get()[0]);
        OptionalLong step = totp.matchingStep(secret, code.strip(), Instant.now(), (Long) factor.get()[1]);
        if (step.isPresent() && jdbc.sql("UPDATE totp_factors SET last_used_step = ? WHERE account_id = ? AND last_used_step < ?")
                .params(step.getAsLong(), accountId, step.getAsLong()).update() == 1) {
            return Optional.of(OTP);
        }
        int used = jdbc.sql("DELETE FROM recovery_codes WHERE account_id = ? AND code_hash = ?")
                .params(accountId, Secrets.sha256(normalized(code))).update();
        return used == 1 ? Optional.of(RECOVERY) : Optional.empty();
    }

    private SignInThrottle.Keys notThrottled(String accountId, String clientAddress) {
        SignInThrottle.Keys keys = SignInThrottle.Keys.of(accountId, clientAddress);
        Optional<Duration> wait = throttle.waitFor(keys);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toMillisPart() > 0 ? 1 : 0));
            throw new Problems.TooManyRequests("Too many wrong codes: try again in " + seconds + " s", seconds);
        }
        return keys;
    }

    private Problems.InvalidInput wrongCode(SignInThrottle.Keys keys) {
        throttle.failed(keys);
        return Problems.InvalidInput.of("code", "is not a current code of your authenticator app");
    }

    private List<String> replaceRecoveryCodes(String accountId) {
        jdbc.sql("DELETE FROM recovery_codes WHERE account_id = ?").param(accountId).update();
        List<String> codes = Arrays.asList(recoveryCodes.generateCodes(RECOVERY_CODES));
        for (String code : codes) {
            jdbc.sql("INSERT INTO recovery_codes (account_id, code_hash) VALUES (?, ?)")
                    .params(accountId, Secrets.sha256(normalized(code))).update();
        }
        return codes;
    }

    private int deleteAll(String accountId) {
        jdbc.sql("DELETE FROM recovery_codes WHERE account_id = ?").param(accountId).update();
        return jdbc.sql("DELETE FROM totp_factors WHERE account_id = ?").param(accountId).update();
    }

    /** Recovery codes are compared without case or spaces (people copy them from paper). */
    static String normalized(String code) {
        return code.strip().replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
