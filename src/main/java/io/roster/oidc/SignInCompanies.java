package io.roster.oidc;

import io.roster.access.Permission;
import io.roster.access.Role;
import io.roster.access.RoleAssignments;
import io.roster.access.Roles;
import io.roster.shared.CompanyId;
import io.roster.tenancy.Company;
import io.roster.tenancy.Tenancy;
import io.roster.users.CompanyLinks;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The companies a person may sign in to an app in: those where they hold a role or a workspace
 * right (their standing there, docs/rules.md §13). A partner's staff administer their partner's
 * companies but sign in to a company's apps only with a role or a right in it. Read through the
 * access, users and tenancy APIs.
 */
@Service
public class SignInCompanies {

    /** What a company id looks like ({@code Ids.newId}: a UUID). */
    private static final Pattern UUID_SHAPED = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Tenancy tenancy;
    private final CompanyLinks links;
    private final RoleAssignments assignments;
    private final Roles roles;

    SignInCompanies(Tenancy tenancy, CompanyLinks links, RoleAssignments assignments, Roles roles) {
        this.tenancy = tenancy;
        this.links = links;
        this.assignments = assignments;
        this.roles = roles;
    }

    /** A company offered on the chooser page. */
    public record CompanyChoice(String companyId, String name, String slug) {
    }

    /** Companies on one page of the chooser. */
    static final int PAGE_SIZE = 20;

    /** One page of the chooser, and the cursor of the next one (null on the last page). */
    public record ChoicePage(List<CompanyChoice> choices, String nextCursor) {
    }

    /**
     * Where the person may sign in, by name, one page at a time, only the names that start with
     * {@code q} (case folded) when it is given: one range of the person's links in name order
     * ({@link CompanyLinks#companiesByName}, the page and one more to know whether there is a
     * next) and the page's companies by id, two statements however many companies the person
     * holds a role in (a partner's staff may hold one in each of thousands).
     */
    public ChoicePage page(String accountId, String q, String cursor) {
        String from = q == null || q.isBlank() ? "" : Tenancy.nameKey(q.strip());
        String to = from.isEmpty() ? null : Tenancy.afterPrefix(from);
        // without an upper bound to write (a rare last character), the range is cut here
        List<CompanyLinks.KeyedCompany> keyed = links.companiesByName(accountId, from, to, position(cursor), PAGE_SIZE + 1)
                .stream().filter(at -> at.key().startsWith(from)).toList();
        List<CompanyLinks.KeyedCompany> shown = keyed.subList(0, Math.min(PAGE_SIZE, keyed.size()));
        Map<CompanyId, Company> companies = tenancy.companies(shown.stream().map(CompanyLinks.KeyedCompany::company).toList());
        List<CompanyChoice> choices = shown.stream().map(at -> companies.get(at.company())).filter(Objects::nonNull)
                .map(SignInCompanies::choice).toList();
        CompanyLinks.KeyedCompany last = shown.isEmpty() ? null : shown.getLast();
        return new ChoicePage(choices, keyed.size() > PAGE_SIZE ? "n" + encode(last.key() + SEPARATOR + last.company().value())
                : null);
    }

    /** Up to {@code limit} companies where the person may sign in, in no particular order. */
    List<CompanyId> some(String accountId, int limit) {
        return links.companiesOf(accountId, limit);
    }

    private static final String SEPARATOR = "\u001f";

    private static CompanyChoice choice(Company company) {
        return new CompanyChoice(company.id().value(), company.name(), company.slug());
    }

    /** Where a page starts: after the company the cursor names; the start when it names none. */
    private static CompanyLinks.KeyedCompany position(String cursor) {
        if (cursor == null || !cursor.startsWith("n")) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor.substring(1)), StandardCharsets.UTF_8);
            int at = decoded.lastIndexOf(SEPARATOR);
            return at < 0 ? null : new CompanyLinks.KeyedCompany(decoded.substring(0, at), new CompanyId(decoded.substring(at + 1)));
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The company an authorization request names, by id or by slug. Company ids are UUIDs
     * ({@code Ids.newId}): a name of another shape is a slug, and is not looked up as an id first
     * (a statement that could find nothing, at every code exchange and refresh of a sign-in named by
     * slug).
     */
    Optional<Company> named(String idOrSlug) {
        if (idOrSlug == null || idOrSlug.isBlank() || idOrSlug.length() > 100) {
            return Optional.empty();
        }
        String name = idOrSlug.strip();
        if (!UUID_SHAPED.matcher(name).matches()) {
            return tenancy.findCompanyBySlug(name);
        }
        return tenancy.findCompany(new CompanyId(name)).or(() -> tenancy.findCompanyBySlug(name));
    }


    Optional<Company> company(String companyId) {
        return tenancy.findCompany(new CompanyId(companyId));
    }

    /** What the person holds in the company: empty when they have no standing there. */
    Optional<Held> heldIn(String accountId, CompanyId company) {
        List<String> roleIds = assignments.roleIdsOf(company, accountId);
        if (roleIds.isEmpty() && !links.linkedByWorkspace(company, accountId)) {
            return Optional.empty();
        }
        TreeSet<String> permissions = new TreeSet<>();
        for (String roleId : roleIds) {
            roles.find(company, roleId).map(Role::permissions)
                    .ifPresent(held -> held.stream().map(Permission::code).forEach(permissions::add));
        }
        return Optional.of(new Held(roleIds, List.copyOf(permissions)));
    }

    /** Role ids and permission codes held in one company. */
    record Held(List<String> roleIds, List<String> permissions) {
    }
}
