package io.roster.access;

import io.roster.shared.Problems;
import io.roster.users.Accounts;
import io.roster.users.Credentials;
import io.roster.users.Passwords;
import io.roster.users.UserStatus;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Password sign-in (API tokens now, the console later). An unknown account and a wrong password
 * get the same answer after the same work, so the answer does not reveal whether an email exists;
 * the reason an account may not sign in is only told to someone who proved its password.
 */
@Service
public class SignIn {

    static final String WRONG_CREDENTIALS = "Wrong email, user ID or password";

    private final Accounts accounts;
    private final Passwords passwords;

    SignIn(Accounts accounts, Passwords passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
    }

    public Caller withPassword(String login, String password) {
        Optional<Credentials> found = accounts.byLogin(login);
        String hash = found.map(Credentials::passwordHash).orElse(null);
        if (password == null || !passwords.matches(password, hash)) {
            throw new Problems.Unauthorized(WRONG_CREDENTIALS);
        }
        Credentials account = found.orElseThrow();
        if (account.status() != UserStatus.ACTIVE) {
            throw new Problems.Forbidden(account.status() == UserStatus.INACTIVE
                    ? "Your account is deactivated: ask an administrator of your company to reactivate it"
                    : "Your account is not activated yet: ask an administrator of your company to activate it");
        }
        return new Caller(account.accountId(), account.userId(), account.operator(), account.homeCompanyId(),
                account.homePartnerId(), null, null);
    }
}
