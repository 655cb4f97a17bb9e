package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * docs/rules.md §15: importing the same file again creates no duplicates (rows are matched by
 * userId, else by email, and reported as existing), invalid fields are reported on DRAFT rows too,
 * and no mail goes to a draft.
 */
@IntegrationTest
class UsersCsvReimportIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    CsvHttp csv;
    String company;
    String tag;

    @BeforeEach
    void aCompany() {
        api = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        csv = CsvHttp.signIn(port, Operator.EMAIL, Operator.PASSWORD);
        company = new Fixtures(api).company(10);
        tag = "r" + UUID.randomUUID().toString().substring(0, 6);
    }

    private String file() {
        return "userId,firstName,lastName,email,status,roles\n"
                + tag + "a,Ann,Alpha," + tag + "a@example.com,ACTIVE,\n"
                + tag + "b,Bob,Beta," + tag + "b@example.com,DRAFT,USER_MANAGER\n"
                + tag + "c,,,,DRAFT,\n"
                + tag + "d,Dan,Delta,not-an-email,DRAFT,\n"
                + "Bad Id!,Eve,Echo," + tag + "e@example.com,DRAFT,\n";
    }

    @Test
    void the_same_file_imported_twice_creates_each_row_once_and_says_the_second_time_that_they_exist() {
        JsonNode first = importFile(file(), false);
        assertThat(first.get("rows").asInt()).isEqualTo(5);
        assertThat(first.get("activated").asInt()).isEqualTo(1);
        assertThat(first.get("drafts").asInt()).isEqualTo(4);
        assertThat(first.get("existing").asInt()).isZero();
        assertThat(tableSize()).isEqualTo(5);

        JsonNode second = importFile(file(), false);

        assertThat(second.get("rows").asInt()).isEqualTo(5);
        assertThat(second.get("activated").asInt()).isZero();
        assertThat(second.get("drafts").asInt()).isZero();
        assertThat(second.get("existing").asInt()).isEqualTo(5);
        assertThat(second.get("errors").size()).isZero();
        List<String> existing = new ArrayList<>();
        second.get("existingRows").forEach(row -> existing.add(row.get("line").asInt() + " " + row.get("status").asString()
                + " " + row.get("matchedBy").asString()));
        assertThat(existing).containsExactly("2 ACTIVE userId", "3 DRAFT userId", "4 DRAFT userId", "5 DRAFT userId",
                "6 DRAFT userId");
        assertThat(tableSize()).isEqualTo(5);
    }

    @Test
    void a_row_is_matched_by_its_email_without_case_when_its_user_id_is_new() {
        importFile(file(), false);

        JsonNode again = importFile("userId,firstName,lastName,email,status\n"
                + tag + "other,Ann,Alpha," + tag.toUpperCase(Locale.ROOT) + "A@EXAMPLE.COM,ACTIVE\n"
                + tag + "new,Nia,New," + tag + "new@example.com,DRAFT\n", false);

        assertThat(again.get("existing").asInt()).isEqualTo(1);
        assertThat(again.get("drafts").asInt()).isEqualTo(1);
        JsonNode matched = again.get("existingRows").get(0);
        assertThat(matched.get("line").asInt()).isEqualTo(2);
        assertThat(matched.get("userId").asString()).isEqualTo(tag + "a");
        assertThat(matched.get("matchedBy").asString()).isEqualTo("email");
        assertThat(tableSize()).isEqualTo(6);
    }

    @Test
    void invalid_fields_of_draft_rows_are_reported_while_empty_ones_are_not() {
        JsonNode report = importFile(file(), false);

        List<String> errors = new ArrayList<>();
        report.get("errors").forEach(error -> errors.add(error.get("line").asInt() + ": " + error.get("validationResult").asString()));
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).isEqualTo("5: Email is invalid");
        assertThat(errors.get(1)).startsWith("6: User ID is invalid");
    }

    @Test
    void a_draft_gets_no_mail_even_when_the_file_grants_it_a_role() {
        importFile(file(), false);

        assertThat(mailsTo(tag + "b@example.com")).isZero();
        assertThat(mailsTo(tag + "a@example.com")).as("the activated row gets its setup link").isPositive();
    }

    @Test
    void a_dry_run_writes_nothing_and_reports_the_rows_that_exist() {
        importFile(file(), false);
        String more = file() + tag + "f,Fay,Fox," + tag + "f@example.com,ACTIVE,\n";

        JsonNode dry = importFile(more, true);

        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("existing").asInt()).isEqualTo(5);
        assertThat(dry.get("activated").asInt()).isEqualTo(1);
        assertThat(tableSize()).isEqualTo(5);
    }

    private JsonNode importFile(String text, boolean dryRun) {
        var response = csv.post("/api/v1/companies/" + company + "/users/import" + (dryRun ? "?dryRun=true" : ""),
                "text/csv; charset=utf-8", text);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private int tableSize() {
        return api.get("/api/v1/companies/" + company + "/users?limit=200").json().get("items").size();
    }

    private int mailsTo(String address) {
        // the mails of an import are queued in its transaction: they are there once it answered
        return api.get("/api/v1/mail?recipient=" + URLEncoder.encode(address, StandardCharsets.UTF_8)).json().get("items")
                .size();
    }
}
