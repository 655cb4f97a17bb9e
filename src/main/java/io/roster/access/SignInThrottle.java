package io.roster.access;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import io.roster.shared.BatchedPurge;
import io.roster.shared.CompanyId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brute-force protection, on by default and shared by every node (it lives in the database).
 * Failures are counted per account (or per unknown login, so unknown and known logins behave
 * alike) and per client address. Past a few failures each new attempt must wait a growing delay;
 * past the lockout threshold the key is locked for a while. A success clears the account's count.
 * An attempt from a device the account signed in from before ({@link DeviceCookies}) is counted
 * against that device only: the account's lockout, which anyone knowing the email can cause, does
 * not keep the person out of their own browser, and the device's success leaves the account's count
 * alone, so it gives a guesser elsewhere no fresh attempts.
 */
@Component
public class SignInThrottle {

    private static final String ACCOUNT_KEY = "account:";

    private final JdbcClient jdbc;
    private final Policy account;
    private final Policy address;
    private final ApplicationEventPublisher events;

    SignInThrottle(JdbcClient jdbc, ApplicationEventPublisher events, AccessProperties properties) {
        this.jdbc = jdbc;
        this.events = events;
        AccessProperties.SignIn limits = properties.signIn();
        this.account = new Policy(limits.delayAfter(), limits.delayUnit(), limits.maxDelay(), limits.lockAfter(),
                limits.lockDuration());
        this.address = new Policy(limits.delayAfter() * 4, limits.delayUnit(), limits.maxDelay(),
                limits.addressLockAfter(), limits.lockDuration());
    }

    /**
     * Keys of one attempt: the account (or the login typed) and the client address; {@code device}
     * when the attempt carries a valid device cookie of that account, and then it alone counts.
     */
    public record Keys(String account, String address, String device) {
        public static Keys of(String accountIdOrLogin, String clientAddress) {
            return new Keys("account:" + accountIdOrLogin, "address:" + (clientAddress == null ? "unknown" : clientAddress),
                    null);
        }

        Keys fromDevice(String deviceKey) {
            return new Keys(account, address, deviceKey);
        }
    }

    static String deviceKey(String accountId, String nonce) {
        return "device:" + accountId + ":" + nonce;
    }

    /** How long the caller must wait before trying again, if at all. */
    public Optional<Duration> waitFor(Keys keys) {
        Instant now = Instant.now();
        Instant until = keys.device() != null ? lockedUntil(keys.device())
                : later(lockedUntil(keys.account()), lockedUntil(keys.address()));
        return until == null || !until.isAfter(now) ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    /** True when the account key is locked (not merely delayed): what an administrator sees. */
    public Optional<Lock> lockOf(String accountId) {
        return jdbc.sql("SELECT failures, locked_until FROM sign_in_throttle WHERE throttle_key = ?")
                .param("account:" + accountId)
                .query((rs, n) -> new Lock(rs.getInt(1), toInstant(rs.getObject(2, OffsetDateTime.class)),
                        account.lockAfter()))
                .optional();
    }

    /** Failed sign-ins and the end of the current delay or lockout. */
    public record Lock(int failures, Instant lockedUntil, int lockAfter) {
        /** Locked out (not merely made to wait a few seconds between attempts). */
        public boolean locked() {
            return failures >= lockAfter && lockedUntil != null && lockedUntil.isAfter(Instant.now());
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(Keys keys) {
        if (keys.device() != null) {
            // a device is held to the account's own limits, on its own count
            record(keys.device(), account);
            return;
        }
        record(keys.account(), account);
        record(keys.address(), address);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(Keys keys) {
        if (keys.device() != null) {
            deleteKey(keys.device());
            return;
        }
        clear(keys.account());
    }

    /**
     * An administrator of {@code company} clears the failures of one of its users, on the account
     * and on each of its devices (recorded).
     */
    @Transactional
    public void clearBy(CompanyId company, String accountId, String byAccountId) {
        Optional<Lock> before = lockOf(accountId);
        clear(accountId);
        jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key LIKE ?").param(deviceKey(accountId, "%")).update();
        events.publishEvent(new AccessEvents.SignInLockCleared(accountId, byAccountId, company,
                before.map(Lock::failures).orElse(0), before.map(Lock::lockedUntil).orElse(null)));
    }

    public void clear(String accountIdKey) {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key = ?")
                .param(accountIdKey.startsWith("account:") ? accountIdKey : "account:" + accountIdKey).update();
    }

    /**
     * Deletes the rows past their window (README, "Retention"): no delay or lockout running, and a
     * last failure older than a lockout, after which the next failure would count from zero anyway.
     */
    public int purgeStale(Instant now, BatchedPurge purge) {
        Duration window = account.lockDuration().compareTo(address.lockDuration()) > 0
                ? account.lockDuration() : address.lockDuration();
        return purge.delete("sign_in_throttle", "throttle_key",
                "last_failure_at < :stale AND (locked_until IS NULL OR locked_until < :now)",
                java.util.Map.of("stale", utc(now.minus(window)), "now", utc(now)));
    }

    private void deleteKey(String key) {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key = ?").param(key).update();
    }

    private void record(String key, Policy policy) {
        Instant now = Instant.now();
        var current = jdbc.sql("SELECT failures, last_failure_at FROM sign_in_throttle WHERE throttle_key = ? FOR UPDATE")
                .param(key)
                .query((rs, n) -> new int[] {rs.getInt(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant().plus(policy.lockDuration()).isBefore(now) ? 1 : 0})
                .optional();
        // A count whose last failure is older than a lockout starts again from zero.
        int failures = current.map(c -> c[1] == 1 ? 1 : c[0] + 1).orElse(1);
        Instant lockedUntil = policy.lockedUntil(failures, now);
        if (current.isPresent()) {
            jdbc.sql("UPDATE sign_in_throttle SET failures = ?, last_failure_at = ?, locked_until = ? WHERE throttle_key = ?")
                    .params(failures, utc(now), utc(lockedUntil), key).update();
            announceLock(key, policy, failures, lockedUntil);
            return;
        }
        try {
            jdbc.sql("INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)")
                    .params(key, failures, utc(now), utc(lockedUntil)).update();
            announceLock(key, policy, failures, lockedUntil);
        } catch (DuplicateKeyException raced) {
            jdbc.sql("UPDATE sign_in_throttle SET failures = failures + 1, last_failure_at = ? WHERE throttle_key = ?")
                    .params(utc(now), key).update();
        }
    }

    /**
     * Tells the other modules that this failure locked an account. Every failure that reaches the
     * threshold is a new lockout: one during a lockout is refused before it counts ({@link #waitFor}).
     * Only the account's own key: a device lockout leaves the account's other sign-ins alone, and
     * a typed login without an account has nothing to end.
     */
    private void announceLock(String key, Policy policy, int failures, Instant lockedUntil) {
        if (policy == account && failures >= policy.lockAfter() && key.startsWith(ACCOUNT_KEY)
                && !key.startsWith(ACCOUNT_KEY + "login:")) {
            events.publishEvent(new AccessEvents.AccountLocked(key.substring(ACCOUNT_KEY.length()), lockedUntil));
        }
    }

    private Instant lockedUntil(String key) {
        return jdbc.sql("SELECT locked_until FROM sign_in_throttle WHERE throttle_key = ?")
                .param(key)
                .query((rs, n) -> toInstant(rs.getObject(1, OffsetDateTime.class)))
                .optional().orElse(null);
    }

    /** Growing delays from {@code delayAfter} failures, then a lockout at {@code lockAfter}. */
    record Policy(int delayAfter, Duration delayUnit, Duration maxDelay, int lockAfter, Duration lockDuration) {
        Instant lockedUntil(int failures, Instant now) {
            if (failures >= lockAfter) {
                return now.plus(lockDuration);
            }
            if (failures < delayAfter || delayUnit.isZero()) {
                return null;
            }
            long factor = 1L << Math.min(20, failures - delayAfter);
            Duration delay = delayUnit.multipliedBy(factor);
            return now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
        }
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static Instant toInstant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
