package io.roster.web;

import io.roster.access.PartnerAssignments;
import io.roster.tenancy.Partner;
import io.roster.users.UserRow;
import io.roster.users.UserStatus;
import io.roster.users.ValidationTexts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Rows of the partner's users as the console shows them: company, validation result and roles, worded. */
@Component
class PartnerUserLines {

    private final PartnerAssignments assignments;
    private final RoleLabels roleLabels;
    private final ValidationTexts validation;
    private final org.springframework.context.MessageSource messages;

    PartnerUserLines(PartnerAssignments assignments, RoleLabels roleLabels, ValidationTexts validation,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.assignments = assignments;
        this.roleLabels = roleLabels;
        this.validation = validation;
    }

    /** One person: the row of its home company, and every role it holds in the partner's companies. */
    record Line(UserRow row, String companyId, String companyName, String label, String validation, List<Role> roles) {

        public boolean validationOk() {
            return row.validationResult() == null || row.validationResult().isOk();
        }
    }

    /** A role held in one attached company, named in the page's language. */
    record Role(String companyId, String companyName, String roleId, String name) {
    }

    List<Line> of(Partner partner, List<UserRow> rows, Map<String, String> companyNames, Locale locale) {
        Map<String, List<PartnerAssignments.Held>> held =
                assignments.of(partner.id(), rows.stream().map(UserRow::id).toList());
        return rows.stream().map(row -> line(row, companyNames, held.getOrDefault(row.id(), List.of()), locale)).toList();
    }

    /**
     * The Roles cell of each row of the Users table in the partner space: the roles held in the
     * partner's companies, those of another company than the row's saying where.
     */
    Map<String, String> roleCells(Partner partner, List<UserRow> rows, Map<String, String> companyNames, Locale locale) {
        Map<String, String> cells = new java.util.HashMap<>();
        for (Line line : of(partner, rows, companyNames, locale)) {
            cells.put(line.row().id(), line.roles().isEmpty() ? messages.getMessage("partner.users.noRole", null, locale)
                    : line.roles().stream().map(role -> role.companyId().equals(line.companyId()) ? role.name()
                            : role.name() + " " + messages.getMessage("partner.users.inCompany",
                                    new Object[] {role.companyName()}, locale))
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
        return cells;
    }

    Line of(Partner partner, UserRow row, Map<String, String> companyNames, Locale locale) {
        return of(partner, List.of(row), companyNames, locale).getFirst();
    }

    private Line line(UserRow row, Map<String, String> companyNames, List<PartnerAssignments.Held> held, Locale locale) {
        String companyId = row.homeCompanyId().value();
        List<Role> roles = held.stream().map(h -> new Role(h.companyId().value(), h.companyName(), h.roleId(),
                roleLabels.name(h, locale))).toList();
        return new Line(row, companyId, companyNames.getOrDefault(companyId, companyId), label(row),
                validation.text(row.validationResult(), locale), roles);
    }

    /** How a person is named in messages: the user ID, else the email, else the names. */
    static String label(UserRow row) {
        if (row.userId() != null && !row.userId().isBlank()) {
            return row.userId();
        }
        if (row.email() != null && !row.email().isBlank()) {
            return row.email();
        }
        String names = ((row.firstName() == null ? "" : row.firstName()) + " "
                + (row.lastName() == null ? "" : row.lastName())).trim();
        return names.isEmpty() ? "—" : names;
    }
}
