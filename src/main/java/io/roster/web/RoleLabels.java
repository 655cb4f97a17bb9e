package io.roster.web;

import io.roster.access.PartnerAssignments;
import io.roster.access.Role;
import io.roster.access.Roles;
import io.roster.shared.CompanyId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The names the Users table shows for role ids: built-in roles in the reader's language, custom
 * roles as their company named them (an id alone means nothing to a person).
 */
@Component
class RoleLabels {

    private final Roles roles;
    private final MessageSource messages;

    RoleLabels(Roles roles, MessageSource messages) {
        this.roles = roles;
        this.messages = messages;
    }

    /** A role's name: built-in roles in the page's language, custom roles as their company named them. */
    String name(Role role, Locale locale) {
        return role.builtIn() ? builtIn(role.id(), role.name(), locale) : role.name();
    }

    String name(PartnerAssignments.Held held, Locale locale) {
        return held.builtIn() ? builtIn(held.roleId(), held.roleId(), locale) : held.customName();
    }

    private String builtIn(String id, String fallback, Locale locale) {
        return messages.getMessage("partner.role." + id, null, fallback, locale);
    }

    /** Per row id, the names of the roles it holds, joined for the table's roles cell. */
    Map<String, String> cells(CompanyId company, Map<String, List<String>> roleIdsByRow, Locale locale) {
        Map<String, String> names = of(company, locale);
        Map<String, String> cells = new LinkedHashMap<>();
        roleIdsByRow.forEach((row, ids) -> cells.put(row,
                String.join(", ", ids.stream().map(id -> names.getOrDefault(id, id)).toList())));
        return cells;
    }

    Map<String, String> of(CompanyId company, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Role role : roles.of(company)) {
            names.put(role.id(), name(role, locale));
        }
        return names;
    }
}
