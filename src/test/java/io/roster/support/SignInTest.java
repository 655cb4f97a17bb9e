package io.roster.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the sign-in tests share: a company of five licenses made by the operator before each test,
 * ACTIVE people with a password in it, and the throttle rows of those people (and of the unknown
 * logins tried) forgotten after each test, the clients' address too (the throttle table is shared
 * by every context of a PostgreSQL pass).
 */
public abstract class SignInTest {

    protected static final String PASSWORD = "Quiet-Harbor-Orbit-7319";
    /** Wrong passwords or codes after which an account locks (the default setting). */
    protected static final int LOCK_AFTER = 25;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Api operator;
    protected Fixtures fixtures;
    protected String company;
    protected final List<String> accounts = new ArrayList<>();
    private final List<String> unknownLogins = new ArrayList<>();

    @BeforeEach
    void companyOfFive() {
        // other contexts' failures from 127.0.0.1 may be in the shared table (PostgreSQL): start clean
        FailedSignIns.forget(jdbc, List.of());
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        company = fixtures.company(5);
    }

    @AfterEach
    void forgetFailedSignIns() {
        FailedSignIns.forget(jdbc, accounts);
        unknownLogins.forEach(login -> jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key = ?")
                .param("account:login:" + login).update());
    }

    /** A login no account has, tried by the test: its own throttle row is forgotten after the test too. */
    protected String unknownLogin(String login) {
        unknownLogins.add(login);
        return login;
    }

    public record User(String accountId, String userId, String email) {
    }

    /** An ACTIVE member with {@link #PASSWORD}, its throttle rows forgotten after the test. */
    protected User activeUser() {
        return activeUser("MEMBER");
    }

    protected User activeUser(String role) {
        var created = fixtures.createUser(company, Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD),
                "roles", List.of(role)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        accounts.add(created.text("id"));
        return new User(created.text("id"), created.text("userId"), created.text("email"));
    }
}
