package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.audit.ActorKind;
import io.roster.audit.AuditEntry;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditCsvTests {

    @Test
    void cells_that_a_spreadsheet_would_run_as_formulas_get_a_leading_quote() {
        assertThat(AuditCsv.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(AuditCsv.cell("+33 1 23")).isEqualTo("'+33 1 23");
        assertThat(AuditCsv.cell("-2")).isEqualTo("'-2");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(AuditCsv.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(AuditCsv.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(AuditCsv.cell("user.created")).isEqualTo("user.created");
        assertThat(AuditCsv.cell("a-b")).isEqualTo("a-b");
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted_and_nulls_are_empty() {
        assertThat(AuditCsv.cell("Doe, Jr")).isEqualTo("\"Doe, Jr\"");
        assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.cell(null)).isEmpty();
        assertThat(AuditCsv.cell("")).isEmpty();
    }

    @Test
    void a_row_follows_the_header() {
        StringWriter out = new StringWriter();
        AuditCsv csv = new AuditCsv(out);
        csv.header();
        csv.row(new AuditEntry("e1", Instant.parse("2025-01-31T08:00:00Z"), "c1", null, "a1", "jdoe", ActorKind.USER,
                "user.edited", "user", "u1", "{\"firstName\":\"Jo\"}", "{\"firstName\":\"=cmd\"}", "127.0.0.1", "r1"));

        assertThat(out.toString()).isEqualTo(String.join(",", AuditCsv.HEADER) + "\r\n"
                + "2025-01-31T08:00:00Z,USER,jdoe,a1,user.edited,user,u1,\"{\"\"firstName\"\":\"\"Jo\"\"}\","
                + "\"{\"\"firstName\"\":\"\"=cmd\"\"}\",127.0.0.1,r1,c1,,e1\r\n");
    }
}
