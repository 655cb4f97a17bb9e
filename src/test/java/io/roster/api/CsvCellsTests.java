package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CsvCellsTests {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"click\")", "+1", "-2", "@SUM(A1:A2)", "\t=1+1",
            "\r=1+1", "\uFF1D1+1", "=", "-"})
    void a_cell_a_spreadsheet_would_run_as_a_formula_gets_a_quote_in_front(String cell) {
        assertThat(CsvCells.neutralise(cell)).isEqualTo("'" + cell);
        assertThat(CsvCells.restore(CsvCells.neutralise(cell))).isEqualTo(cell);
    }

    @Test
    void a_cell_that_already_starts_with_a_quote_before_a_formula_gets_one_more_so_it_reads_back_the_same() {
        assertThat(CsvCells.neutralise("'=1+1")).isEqualTo("''=1+1");
        assertThat(CsvCells.restore("''=1+1")).isEqualTo("'=1+1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada", "ada@example.com", "1+1", " =not first", "O'Brien", "'quoted", "x=y"})
    void other_cells_are_left_as_they_are_both_ways(String cell) {
        assertThat(CsvCells.neutralise(cell)).isEqualTo(cell);
        assertThat(CsvCells.restore(cell)).isEqualTo(cell);
    }

    @Test
    void a_missing_value_is_an_empty_cell() {
        assertThat(CsvCells.neutralise(null)).isEmpty();
    }

    @Test
    void neutralised_cells_written_as_csv_read_back_as_they_were() throws Exception {
        List<String> nasty = List.of("=HYPERLINK(\"http://x\",\"a, b\")", "+1", "-2", "@SUM(1;2)", "'=kept", "line\nbreak");
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("userId", "email",
                "firstName", "lastName", "status", "roles").get())) {
            printer.printRecord("u1", "u1@example.com", CsvCells.neutralise(nasty.get(0)), CsvCells.neutralise(nasty.get(1)),
                    "DRAFT", "");
            printer.printRecord("u2", "u2@example.com", CsvCells.neutralise(nasty.get(2)), CsvCells.neutralise(nasty.get(3)),
                    "", "");
            printer.printRecord("u3", "u3@example.com", CsvCells.neutralise(nasty.get(4)), CsvCells.neutralise(nasty.get(5)),
                    "", "");
        }

        var rows = UsersCsvReaderTests.read(out.toString());

        assertThat(out.toString()).contains("'=HYPERLINK").contains(",'+1,").contains("'-2").contains("'@SUM");
        assertThat(rows).extracting(UsersCsvReader.CsvUserRow::firstName, UsersCsvReader.CsvUserRow::lastName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(nasty.get(0), nasty.get(1)),
                        org.assertj.core.groups.Tuple.tuple(nasty.get(2), nasty.get(3)),
                        org.assertj.core.groups.Tuple.tuple(nasty.get(4), nasty.get(5)));
    }
}
