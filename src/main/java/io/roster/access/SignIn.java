package io.roster.access;

import io.roster.shared.Ids;
import io.roster.shared.ProblemException;
import io.roster.shared.Problems;
import io.roster.users.Accounts;
import io.roster.users.Credentials;
import io.roster.users.Passwords;
import io.roster.users.UserStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Password sign-in, for the console and for API tokens. An unknown account and a wrong password
 * get the same answer after the same work, so the answer does not reveal whether an email exists;
 * why an account may not sign in (docs/rules.md §13) is only told to someone who proved its password.
 * Every attempt is throttled and recorded.
 */
@Service
public class SignIn {

    static final String WRONG_CREDENTIALS = "Wrong email, user ID or password";
    /** The cookie a browser gets when it signs in to the console; the API takes it too (see {@link DeviceCookies}). */
    public static final String DEVICE_COOKIE = DeviceCookies.NAME;

    private final Accounts accounts;
    private final Passwords passwords;
    private final SignInThrottle throttle;
    private final DeviceCookies devices;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Standing standing;
    private final SecondFactors factors;
    private final SecurityPolicy policy;

    SignIn(Accounts accounts, Passwords passwords, SignInThrottle throttle, DeviceCookies devices, JdbcClient jdbc,
            ApplicationEventPublisher events, Standing standing, SecondFactors factors, SecurityPolicy policy) {
        this.policy = policy;
        this.standing = standing;
        this.factors = factors;
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.devices = devices;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Where an attempt comes from. */
    public enum Channel { CONSOLE, API }

    /**
     * Published for every attempt; {@code outcome} is SUCCEEDED or the reason of the refusal. The
     * account fields are null when the login matches no account; the typed login is not carried
     * (people sometimes type their password there). {@code method} says what the person proved:
     * {@code pwd}, {@code pwd+otp}, {@code pwd+recovery} (an OIDC {@code amr} read with a plus).
     * A password accepted for an account with a second factor is {@code SECOND_FACTOR_DUE}: the
     * sign-in succeeds, or fails, at the second step.
     */
    public record SignInAttempted(String accountId, String clientAddress, Channel channel, String outcome,
            String userId, boolean operator, String homeCompanyId, String homePartnerId, String method) {

        public boolean succeeded() {
            return "SUCCEEDED".equals(outcome);
        }
    }

    public Caller withPassword(String login, String password, String clientAddress, Channel channel) {
        return withPassword(login, password, clientAddress, channel, null);
    }

    /** A password accepted; {@code secondFactorDue} when the account has a second factor still to prove. */
    public record PasswordStep(Caller caller, boolean secondFactorDue) {
    }

    /**
     * As {@link #withPassword(String, String, String, Channel, String)}, and for an account with a
     * second factor {@code code} must prove it (docs/rules.md §21): none is 401
     * {@code mfa-required}, a wrong one 401 counted in the throttle.
     */
    public Caller withPassword(String login, String password, String clientAddress, Channel channel,
            String deviceCookie, String code) {
        PasswordStep step = passwordStep(login, password, clientAddress, channel, deviceCookie);
        if (step.secondFactorDue()) {
            if (code == null || code.isBlank()) {
                throw new SecondFactorRequired("This account has a second factor: send a current code of its"
                        + " authenticator app (or a recovery code) in the X-Roster-OTP header");
            }
            secondStep(step.caller(), code, clientAddress, channel, deviceCookie);
        } else if (channel == Channel.API) {
            Optional<ProblemException> enrolmentDue = policy.enrolmentRefusal(step.caller().accountId(),
                    step.caller().homeCompanyId());
            if (enrolmentDue.isPresent()) {
                throw enrolmentDue.get();
            }
        }
        return step.caller();
    }

    /**
     * The second step of a sign-in whose password was accepted: a current code from the app or a
     * recovery code. Throttled and counted like a password, and like a password only against the
     * device when the client sent a valid device cookie of the account ({@code deviceCookie}, or
     * null): whoever knows the password and floods wrong codes from elsewhere does not lock its owner's
     * browser out. Answers the method proved ({@link SecondFactors#OTP} or {@link SecondFactors#RECOVERY}).
     */
    public String secondStep(Caller caller, String code, String clientAddress, Channel channel, String deviceCookie) {
        SignInThrottle.Keys keys = onDevice(SignInThrottle.Keys.of(caller.accountId(), clientAddress),
                caller.accountId(), deviceCookie);
        Optional<Duration> wait = throttle.waitFor(keys);
        if (wait.isPresent()) {
            record(caller, clientAddress, channel, "THROTTLED", "pwd");
            throw throttled(wait.get());
        }
        Optional<String> method = factors.accept(caller.accountId(), code);
        if (method.isEmpty()) {
            throttle.failed(keys);
            record(caller, clientAddress, channel, "WRONG_SECOND_FACTOR", "pwd");
            throw new Problems.Unauthorized("Wrong code: type the current code of your authenticator app, or a recovery code")
                    .coded("WRONG_SECOND_FACTOR_CODE");
        }
        throttle.succeeded(keys);
        record(caller, clientAddress, channel, "SUCCEEDED", "pwd+" + method.get());
        return method.get();
    }

    /**
     * A console sign-in by passkey, once Spring Security verified the assertion (docs/rules.md §21):
     * the account's rules of §13 and the throttle as for a password. {@code afterPassword} when the
     * passkey is the second step of a session whose password was accepted (method {@code pwd+hwk}),
     * otherwise the passkey alone signed in (method {@code hwk}). From a browser that sent a valid device
     * cookie of the account ({@code deviceCookie}, or null), only that device's count applies, as for a
     * password. A refusal is a {@link Problems} exception.
     */
    public Caller passkeyStep(String accountId, String clientAddress, boolean afterPassword, String deviceCookie) {
        Credentials account = accounts.byId(accountId)
                .orElseThrow(() -> new Problems.Unauthorized("This passkey belongs to no account").coded("UNKNOWN_PASSKEY"));
        Optional<Credentials> found = Optional.of(account);
        SignInThrottle.Keys keys = onDevice(SignInThrottle.Keys.of(accountId, clientAddress), accountId, deviceCookie);
        Optional<Duration> wait = throttle.waitFor(keys);
        if (wait.isPresent()) {
            record(found, account.userId(), clientAddress, Channel.CONSOLE, "THROTTLED");
            throw throttled(wait.get());
        }
        Optional<Problems.Forbidden> refusal = refusalOf(account);
        if (refusal.isPresent()) {
            record(found, account.userId(), clientAddress, Channel.CONSOLE,
                    "REFUSED_" + refusal.get().type().toUpperCase(Locale.ROOT));
            throw refusal.get();
        }
        throttle.succeeded(keys);
        Caller caller = new Caller(account.accountId(), account.userId(), account.operator(), account.homeCompanyId(),
                account.homePartnerId(), null, null);
        record(caller, clientAddress, Channel.CONSOLE, "SUCCEEDED", afterPassword ? "pwd+hwk" : "hwk");
        return caller;
    }

    /**
     * Before Spring Security verifies a passkey's assertion: refused, and recorded, while the
     * account it would sign in to (or, for a passkey Roster does not know, that credential) or the
     * client address must wait, or, from a browser with a valid device cookie of that account
     * ({@code deviceCookie}), while that device must. {@code accountId} is null for an unknown passkey.
     */
    public void passkeyNotThrottled(String accountId, String credentialId, String clientAddress, String deviceCookie) {
        SignInThrottle.Keys keys = passkeyKeys(accountId, credentialId, clientAddress, deviceCookie);
        Optional<Duration> wait = throttle.waitFor(keys);
        if (wait.isPresent()) {
            recordPasskey(accountId, clientAddress, "THROTTLED");
            throw throttled(wait.get());
        }
    }

    /**
     * A passkey's assertion refused (a passkey Roster does not know, a bad signature, another
     * account's passkey at the second step): counted in the throttle and recorded like a wrong
     * password ({@code WRONG_PASSKEY}), against the account it was for when one is known, or only against
     * the device when the browser sent a valid device cookie of that account ({@code deviceCookie}).
     */
    public void passkeyFailed(String accountId, String credentialId, String clientAddress, String deviceCookie) {
        throttle.failed(passkeyKeys(accountId, credentialId, clientAddress, deviceCookie));
        recordPasskey(accountId, clientAddress, "WRONG_PASSKEY");
    }

    /**
     * The account's keys, or its device's; for an unknown passkey, its credential id stands for the
     * login, as a typed unknown login does (no device cookie names it).
     */
    private SignInThrottle.Keys passkeyKeys(String accountId, String credentialId, String clientAddress,
            String deviceCookie) {
        String subject = accountId != null ? accountId
                : "login:passkey:" + (credentialId == null ? "" : credentialId.length() > 64 ? credentialId.substring(0, 64)
                        : credentialId);
        return onDevice(SignInThrottle.Keys.of(subject, clientAddress), accountId, deviceCookie);
    }

    /**
     * {@code keys}, narrowed to the device when {@code deviceCookie} is a valid device cookie of
     * {@code accountId}: whoever locks the account from elsewhere does not lock its owner's browser out,
     * whether they sign in with a password or a passkey.
     */
    private SignInThrottle.Keys onDevice(SignInThrottle.Keys keys, String accountId, String deviceCookie) {
        if (accountId == null) {
            return keys;
        }
        return devices.of(deviceCookie, accountId).map(device -> keys.fromDevice(device.throttleKey())).orElse(keys);
    }

    private void recordPasskey(String accountId, String clientAddress, String outcome) {
        Optional<Credentials> account = accountId == null ? Optional.empty() : accounts.byId(accountId);
        insert(account.map(Credentials::accountId).orElse(null), account.map(Credentials::userId).orElse(null),
                clientAddress, Channel.CONSOLE, outcome);
        events.publishEvent(new SignInAttempted(account.map(Credentials::accountId).orElse(null), clientAddress,
                Channel.CONSOLE, outcome, account.map(Credentials::userId).orElse(null),
                account.map(Credentials::operator).orElse(false), account.map(Credentials::homeCompanyId).orElse(null),
                account.map(Credentials::homePartnerId).orElse(null), "hwk"));
    }

    private void record(Caller caller, String clientAddress, Channel channel, String outcome, String method) {
        insert(caller.accountId(), caller.userId(), clientAddress, channel, outcome);
        events.publishEvent(new SignInAttempted(caller.accountId(), clientAddress, channel, outcome, caller.userId(),
                caller.operator(), caller.homeCompanyId(), caller.homePartnerId(), method));
    }

    /**
     * As {@link #withPassword(String, String, String, Channel)}, from a client that sent the device
     * cookie {@code deviceCookie} (or null): when it is valid for this account, only that device's
     * failures count, not the account's.
     */
    public Caller withPassword(String login, String password, String clientAddress, Channel channel,
            String deviceCookie) {
        return withPassword(login, password, clientAddress, channel, deviceCookie, null);
    }

    /**
     * The password step alone: the rules and the throttle of {@link #withPassword}, and whether the
     * account still has a second factor to prove ({@link #secondStep}).
     */
    public PasswordStep passwordStep(String login, String password, String clientAddress, Channel channel,
            String deviceCookie) {
        Optional<Credentials> found = accounts.byLogin(login);
        String throttleSubject = found.map(Credentials::accountId)
                .orElse("login:" + (login == null ? "" : login.trim().toLowerCase(Locale.ROOT)));
        SignInThrottle.Keys keys = onDevice(SignInThrottle.Keys.of(throttleSubject, clientAddress),
                found.map(Credentials::accountId).orElse(null), deviceCookie);
        Optional<Duration> wait = throttle.waitFor(keys);
        if (wait.isPresent()) {
            record(found, login, clientAddress, channel, "THROTTLED");
            throw throttled(wait.get());
        }
        String hash = found.map(Credentials::passwordHash).orElse(null);
        if (password == null || !passwords.matches(password, hash)) {
            throttle.failed(keys);
            record(found, login, clientAddress, channel, "WRONG_CREDENTIALS");
            throw new Problems.Unauthorized(WRONG_CREDENTIALS).coded("WRONG_CREDENTIALS");
        }
        Credentials account = found.orElseThrow();
        boolean secondFactorDue = factors.enrolled(account.accountId());
        if (!secondFactorDue) {
            // with a second factor the count is cleared by the second step only: a stolen password
            // must not wipe the wrong codes guessed after it
            throttle.succeeded(keys);
        }
        Optional<Problems.Forbidden> refusal = refusalOf(account);
        if (refusal.isPresent()) {
            record(found, login, clientAddress, channel, "REFUSED_" + refusal.get().type().toUpperCase(Locale.ROOT));
            throw refusal.get();
        }
        Caller caller = new Caller(account.accountId(), account.userId(), account.operator(), account.homeCompanyId(),
                account.homePartnerId(), null, null);
        if (secondFactorDue) {
            record(found, login, clientAddress, channel, "SECOND_FACTOR_DUE");
            return new PasswordStep(caller, true);
        }
        record(found, login, clientAddress, channel, "SUCCEEDED");
        return new PasswordStep(caller, false);
    }

    /**
     * docs/rules.md §13: ACTIVE, a password, and at least one role or right somewhere. The problem's type
     * names the reason (the console shows it in the person's language).
     */
    public Optional<Problems.Forbidden> refusalOf(Credentials account) {
        if (account.status() == UserStatus.INACTIVE) {
            return refusal("account-inactive", "Your account is deactivated: ask an administrator of your company to reactivate it");
        }
        if (account.status() != UserStatus.ACTIVE) {
            return refusal("account-not-activated", "Your account is not activated yet: ask an administrator of your company to activate it");
        }
        if (account.passwordHash() == null) {
            return refusal("no-password", "Your account has no password yet: use the link of your invitation to set one");
        }
        if (!account.operator() && !hasStanding(account.accountId())) {
            return refusal("no-role", "Your account has no role in any company yet: ask an administrator to give you one");
        }
        return Optional.empty();
    }

    private static Optional<Problems.Forbidden> refusal(String type, String detail) {
        return Optional.of(new Problems.Forbidden(type, detail));
    }

    /** A company role, a partner role or a workspace right, anywhere (see {@link Standing}). */
    private boolean hasStanding(String accountId) {
        return standing.holds(accountId);
    }

    private void record(Optional<Credentials> account, String login, String clientAddress, Channel channel,
            String outcome) {
        String accountId = account.map(Credentials::accountId).orElse(null);
        String typed = login == null ? null : login.length() > 320 ? login.substring(0, 320) : login;
        insert(accountId, typed, clientAddress, channel, outcome);
        events.publishEvent(new SignInAttempted(accountId, clientAddress, channel, outcome,
                account.map(Credentials::userId).orElse(null), account.map(Credentials::operator).orElse(false),
                account.map(Credentials::homeCompanyId).orElse(null), account.map(Credentials::homePartnerId).orElse(null),
                "pwd"));
    }

    private void insert(String accountId, String typed, String clientAddress, Channel channel, String outcome) {
        jdbc.sql("INSERT INTO sign_in_events (id, account_id, login, client_address, channel, outcome, occurred_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(Ids.newId(), accountId, typed, clientAddress, channel.name(), outcome,
                        Instant.now().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The refusal of an attempt that must wait {@code wait}, rounded up to the second. */
    private static Problems.TooManyRequests throttled(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
        return new Problems.TooManyRequests("Too many failed sign-ins: try again in " + describe(seconds), seconds);
    }

    private static String describe(long seconds) {
        if (seconds == 1) {
            return "1 second";
        }
        return seconds < 90 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    }
}
