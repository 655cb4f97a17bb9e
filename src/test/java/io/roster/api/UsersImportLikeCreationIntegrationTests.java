package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A row imported from a CSV file and the same user created through the API go through one
 * creation path: the saved row, the audit entries, the notifications and the mails are the same,
 * field for field (the handle and the account id aside).
 */
@IntegrationTest
class UsersImportLikeCreationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_imported_row_leaves_exactly_what_the_same_user_created_through_the_api_leaves() {
        Api api = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        String company = new Fixtures(api).company(5);
        String typed = Fixtures.unique("typed").toLowerCase();
        String imported = Fixtures.unique("imported").toLowerCase();

        String typedId = new Fixtures(api).createUser(company, Map.of("userId", typed, "firstName", "Ada",
                "lastName", "Lovelace", "email", typed + "@example.com", "status", "ACTIVE",
                "roles", List.of("MEMBER", "AUDITOR"))).text("id");
        var response = CsvHttp.signIn(port, Operator.EMAIL, Operator.PASSWORD).post(
                "/api/v1/companies/" + company + "/users/import", "text/csv",
                "userId,firstName,lastName,email,status,roles\n"
                        + imported + ",Ada,Lovelace," + imported + "@example.com,ACTIVE,MEMBER|AUDITOR\n");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String importedId = jdbc.sql("SELECT id FROM accounts WHERE home_company_id = ? AND user_id = ?")
                .params(company, imported).query(String.class).single();

        List<String> left = traces(typedId, typed);
        assertThat(left).as("what the typed user left").contains(
                "row ACTIVE|OK|false|en|true|true|no password",
                "audit user.created OPERATOR null {\"userId\":\"<handle>\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\","
                        + "\"email\":\"<handle>@example.com\",\"status\":\"DRAFT\",\"emailVerified\":false,\"locale\":\"en\","
                        + "\"passwordSet\":false}",
                "audit role.granted OPERATOR null {\"roleId\":\"AUDITOR\"}",
                "audit role.granted OPERATOR null {\"roleId\":\"MEMBER\"}");
        for (String kind : List.of("audit user.activated", "audit user.invited", "notification INVITED",
                "notification ROLE_GRANTED", "mail ACCOUNT_SETUP en", "mail ROLE_GRANTED en")) {
            assertThat(left).as(kind).anySatisfy(line -> assertThat(line).startsWith(kind));
        }
        assertThat(traces(importedId, imported)).isEqualTo(left);
    }

    /** Every trace of one account, sorted, its handle and id replaced by placeholders. */
    private List<String> traces(String accountId, String handle) {
        List<String> lines = new ArrayList<>();
        lines.add(jdbc.sql("SELECT status, validation_result, email_verified, locale, notify_in_app, notify_email,"
                        + " password_hash FROM accounts WHERE id = ?").param(accountId)
                .query((rs, n) -> "row " + rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getBoolean(3) + "|"
                        + rs.getString(4) + "|" + rs.getBoolean(5) + "|" + rs.getBoolean(6) + "|"
                        + (rs.getString(7) == null ? "no password" : "password"))
                .single());
        lines.addAll(jdbc.sql("SELECT action, actor_kind, before_json, after_json FROM audit_entries"
                        + " WHERE target_id = ?").param(accountId)
                .query((rs, n) -> "audit " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getString(4))
                .list());
        lines.addAll(jdbc.sql("SELECT kind, arguments FROM notifications WHERE account_id = ?").param(accountId)
                .query((rs, n) -> "notification " + rs.getString(1) + argumentsOf(rs.getString(2))).list());
        lines.addAll(jdbc.sql("SELECT kind, locale, subject FROM mail_outbox WHERE recipient = ?")
                .param(handle + "@example.com")
                .query((rs, n) -> "mail " + rs.getString(1) + " " + rs.getString(2) + subjectOf(rs.getString(3))).list());
        // the invitation mailed to each is its own, with its own expiry
        return lines.stream().map(line -> line.replace(accountId, "<id>").replace(handle, "<handle>")
                        .replaceAll("\"invitationId\":\"[^\"]+\"", "\"invitationId\":\"<invitation>\"")
                        .replaceAll("\"expiresAt\":\"[^\"]+\"", "\"expiresAt\":\"<expiry>\""))
                .sorted().toList();
    }

    private static String argumentsOf(String arguments) {
        return arguments.isEmpty() ? "" : " " + arguments.replace('\u001F', '|');
    }

    private static String subjectOf(String subject) {
        return subject == null || subject.isEmpty() ? "" : " / " + subject;
    }
}
