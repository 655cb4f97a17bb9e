package io.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.shared.Page;
import io.roster.users.UserRow;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;

class UsersTableViewTests {

    private final UsersTableView.Filters filters = UsersTableView.Filters.of("/partners/p1/users", "companyId", null,
            "q", "dupré & co", "status", "", "sort", "-lastName");

    @Test
    void a_link_keeps_the_filters_given_leaves_out_the_empty_ones_and_encodes_the_search() {
        assertThat(filters.href("cursor", null)).isEqualTo("/partners/p1/users?q=dupr%C3%A9+%26+co&sort=-lastName");
        assertThat(filters.href("sort", "email")).isEqualTo("/partners/p1/users?q=dupr%C3%A9+%26+co&sort=email");
    }

    @Test
    void a_column_header_says_how_the_table_is_sorted_and_switches_between_ascending_and_descending() {
        assertThat(filters.sortState("lastName")).isEqualTo("descending");
        assertThat(filters.arrow("lastName")).isEqualTo("▼");
        assertThat(filters.toggle("lastName")).isEqualTo("lastName");
        assertThat(filters.sortState("userId")).isEqualTo("none");
        var unsorted = UsersTableView.Filters.of("/companies/c1/users", "sort", null);
        assertThat(unsorted.sortState("userId")).isEqualTo("ascending");
        assertThat(unsorted.toggle("userId")).isEqualTo("-userId");
    }

    @Test
    void the_third_page_says_its_rows_of_the_total_and_links_the_second_and_the_fourth() {
        var model = new ExtendedModelMap();
        Page<UserRow> page = new Page<>(Collections.nCopies(50, (UserRow) null), "c3");
        UsersTableView.show(UsersTableView.Filters.of("/companies/c1/users", "q", "a"), "c2", "-,c1", page, 173, model);

        assertThat(model.get("rangeFrom")).isEqualTo(101);
        assertThat(model.get("rangeTo")).isEqualTo(150);
        assertThat(model.get("total")).isEqualTo(173L);
        assertThat(model.get("totalCapped")).isEqualTo(false);
        assertThat(model.get("previousUrl")).isEqualTo("/companies/c1/users?q=a&cursor=c1&back=-");
        assertThat(model.get("nextUrl")).isEqualTo("/companies/c1/users?q=a&cursor=c3&back=-%2Cc1%2Cc2");
        assertThat(model.get("here")).isEqualTo("/companies/c1/users?q=a&cursor=c2&back=-%2Cc1");
    }

    @Test
    void the_first_page_has_no_previous_and_the_second_goes_back_to_it_without_a_cursor() {
        var first = new ExtendedModelMap();
        UsersTableView.show(UsersTableView.Filters.of("/companies/c1/users"), null, null,
                new Page<>(List.of(), null), 0, first);
        assertThat(first.get("rangeFrom")).isEqualTo(0);
        assertThat(first).doesNotContainKeys("previousUrl", "nextUrl");

        var second = new ExtendedModelMap();
        UsersTableView.show(UsersTableView.Filters.of("/companies/c1/users"), "c1", "-",
                new Page<>(Collections.nCopies(3, (UserRow) null), null), 53, second);
        assertThat(second.get("previousUrl")).isEqualTo("/companies/c1/users");
        assertThat(second.get("rangeFrom")).isEqualTo(51);
    }

    @Test
    void a_row_action_goes_back_only_to_a_page_of_the_console_on_this_site() {
        assertThat(UserRowActions.safe("/partners/p1/users?q=a")).isEqualTo("/partners/p1/users?q=a");
        assertThat(UserRowActions.safe("/companies/c1/users/u1")).isEqualTo("/companies/c1/users/u1");
        for (String elsewhere : new String[] {"//evil.example/companies/", "https://evil.example/", "/\\evil.example",
                "/companies/c1/users\r\nLocation: x", "/admin/mail", "profile", null}) {
            assertThat(UserRowActions.safe(elsewhere)).as(String.valueOf(elsewhere)).isNull();
        }
    }
}
