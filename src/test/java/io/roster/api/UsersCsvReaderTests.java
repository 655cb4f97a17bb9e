package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.api.UsersCsvReader.CsvUserRow;
import io.roster.shared.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsersCsvReaderTests {

    static List<CsvUserRow> read(String text) {
        return UsersCsvReader.read(text, 1000, () -> new IllegalStateException("too many rows"));
    }

    @Test
    void a_comma_separated_file_is_read_by_its_header_in_any_case_and_order() {
        var rows = read("EMAIL,userid,FirstName,lastname,Status,ROLES\r\nada@example.com,ada,Ada,Lovelace,ACTIVE,MEMBER\r\n");

        assertThat(rows).containsExactly(new CsvUserRow(2, "ada", "Ada", "Lovelace", "ada@example.com", "ACTIVE",
                List.of("MEMBER"), null));
    }

    @Test
    void a_utf8_byte_order_mark_is_skipped_so_the_first_column_is_still_recognised() {
        var rows = read("\uFEFFuserId,email,firstName\nzoe,zoe@example.com,Zoé\n");

        assertThat(rows).extracting(CsvUserRow::userId, CsvUserRow::firstName).containsExactly(
                org.assertj.core.groups.Tuple.tuple("zoe", "Zoé"));
    }

    @Test
    void a_semicolon_separated_file_as_spreadsheets_write_in_many_locales_is_read() {
        var rows = read("userId;email;lastName\nbob;bob@example.com;Dupont, Jr\n");

        assertThat(rows.get(0).lastName()).isEqualTo("Dupont, Jr");
        assertThat(rows.get(0).email()).isEqualTo("bob@example.com");
    }

    @Test
    void quoted_cells_keep_separators_doubled_quotes_and_line_breaks() {
        var rows = read("userId,email,lastName,firstName\n"
                + "a1,a1@example.com,\"Smith, \"\"the\"\" elder\",\"Anne\nMarie\"\n"
                + "a2,a2@example.com,\"x;y\",plain\n");

        assertThat(rows.get(0).lastName()).isEqualTo("Smith, \"the\" elder");
        assertThat(rows.get(0).firstName()).isEqualTo("Anne\nMarie");
        assertThat(rows.get(1).lastName()).isEqualTo("x;y");
    }

    @Test
    void each_row_tells_the_line_where_it_starts_across_quoted_line_breaks_and_blank_lines() {
        var rows = read("userId,email,firstName\r\n"
                + "a1,a1@example.com,\"two\r\nlines\"\r\n"
                + "\r\n"
                + ",,\r\n"
                + "a2,a2@example.com,x\r\n"
                + "  a3 , a3@example.com ,y\n");

        assertThat(rows).extracting(CsvUserRow::line).containsExactly(2, 6, 7);
        assertThat(rows.get(2).userId()).isEqualTo("a3");
        assertThat(rows.get(2).email()).isEqualTo("a3@example.com");
    }

    @Test
    void roles_are_split_on_bars_and_spaces_and_empty_cells_are_missing() {
        var rows = read("userId,email,roles,status,firstName\nu1,u1@example.com,MEMBER|AUDITOR  USER_MANAGER| MEMBER,,\n");

        assertThat(rows.get(0).roles()).containsExactly("MEMBER", "AUDITOR", "USER_MANAGER");
        assertThat(rows.get(0).status()).isNull();
        assertThat(rows.get(0).firstName()).isNull();
    }

    @Test
    void the_columns_an_export_adds_are_accepted_and_ignored_and_neutralised_cells_restored() {
        var rows = read("userId,firstName,lastName,email,status,external,validationResult,roles\n"
                + "u1,'=HYPERLINK(\"http://x\"),'+1,u1@example.com,DRAFT,false,'-oops,MEMBER\n");

        assertThat(rows.get(0).firstName()).isEqualTo("=HYPERLINK(\"http://x\")");
        assertThat(rows.get(0).lastName()).isEqualTo("+1");
        assertThat(rows.get(0).roles()).containsExactly("MEMBER");
    }

    @Test
    void a_row_with_more_cells_than_the_header_is_kept_and_says_how_to_quote() {
        var rows = read("userId;email;lastName\nu1;u1@example.com;Smith;Jr\nu2;u2@example.com\n");

        assertThat(rows.get(0).problem()).isEqualTo(new io.roster.users.ValidationProblem(
                io.roster.users.ValidationCode.TOO_MANY_CELLS, java.util.Map.of("cells", "4", "columns", "3", "separator", ";")));
        assertThat(rows.get(1).problem()).isNull();
        assertThat(rows.get(1).lastName()).isNull();
    }

    @Test
    void unknown_columns_are_refused_by_name() {
        assertThatThrownBy(() -> read("userId,email,phone,Department\nu1,u1@example.com,1,2\n"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.detail()).startsWith("Unknown columns 'phone', 'Department': the columns are userId,"
                            + " firstName, lastName, email, status, roles");
                });
    }

    @Test
    void a_header_without_user_id_or_email_is_refused_naming_what_is_missing() {
        assertThatThrownBy(() -> read("firstName,lastName\nAda,Lovelace\n"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.detail())
                        .contains("must name the columns userId and email").endsWith("missing: userId, email"));
        assertThatThrownBy(() -> read("userId,firstName\nada,Ada\n"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.detail()).endsWith("missing: email"));
    }

    @Test
    void a_column_named_twice_is_refused() {
        assertThatThrownBy(() -> read("userId,email,EMAIL\n"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.detail())
                        .isEqualTo("The header names email more than once"));
    }

    @Test
    void an_empty_file_is_refused_with_what_its_first_line_must_say() {
        assertThatThrownBy(() -> read("\uFEFF\r\n"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.detail()).startsWith("The file is empty"));
    }

    @Test
    void an_unterminated_quote_is_refused_as_invalid_csv() {
        assertThatThrownBy(() -> read("userId,email\nu1,\"u1@example.com\n"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.detail()).startsWith("The file is not valid CSV");
                });
    }

    @Test
    void more_rows_than_the_limit_are_refused_but_blank_rows_do_not_count() {
        String header = "userId,email\n";
        assertThat(UsersCsvReader.read(header + "a,a@x.io\n,\nb,b@x.io\n", 2, () -> new IllegalStateException("limit")))
                .hasSize(2);
        assertThatThrownBy(() -> UsersCsvReader.read(header + "a,a@x.io\nb,b@x.io\nc,c@x.io\n", 2,
                () -> new IllegalStateException("limit"))).hasMessage("limit");
    }

    @Test
    void the_separator_is_the_one_the_header_line_uses_more_outside_quotes() {
        assertThat(UsersCsvReader.separatorOf("userId;email;\"a,b,c\"\n1,2,3,4")).isEqualTo(';');
        assertThat(UsersCsvReader.separatorOf("userId,email\n;;;;")).isEqualTo(',');
    }
}
