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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.TreeSet;
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

    /** Up to this many companies, the chooser reads them all and sorts them itself. */
    static final int SHORT_LIST = 50;

    /** Companies of the platform read by name in one statement, when walking a long list. */
    private static final int BATCH = 100;

    /** At most this many companies are read for one page; the page then ends early, with a Next. */
    static final int MOST_READ = 2_000;

    /** One page of the chooser, and the cursor of the next one (null on the last page). */
    public record ChoicePage(List<CompanyChoice> choices, String nextCursor) {
    }

    /**
     * Where the person may sign in, by name, one page at a time, only the names that start with
     * {@code q} (case folded) when it is given. A short list ({@link #SHORT_LIST}) is read whole;
     * for someone with standing in more companies (a partner's staff in each of its client
     * companies), the platform's companies are walked in name order ({@link Tenancy#companiesByName},
     * one index range) and kept where the person holds a role or a right, so a page reads about as
     * many companies as it shows, however many the person holds, and never more than
     * {@link #MOST_READ}.
     */
    public ChoicePage page(String accountId, String q, String cursor) {
        String prefix = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        List<CompanyId> some = links.companiesOf(accountId, SHORT_LIST + 1);
        if (some.size() <= SHORT_LIST) {
            List<CompanyChoice> all = tenancy.companies(some).values().stream()
                    .filter(company -> prefix == null || company.name().toLowerCase(Locale.ROOT).startsWith(prefix))
                    .sorted(Comparator.comparing(Company::name, String.CASE_INSENSITIVE_ORDER).thenComparing(c -> c.id().value()))
                    .map(SignInCompanies::choice).toList();
            int from = offset(cursor);
            int to = Math.min(all.size(), from + PAGE_SIZE);
            return new ChoicePage(from >= to ? List.of() : all.subList(from, to), to < all.size() ? "o" + to : null);
        }
        Tenancy.NamedAt after = position(cursor);
        List<CompanyChoice> found = new ArrayList<>();
        int read = 0;
        boolean more = true;
        while (found.size() < PAGE_SIZE && read < MOST_READ && more) {
            List<Tenancy.NamedAt> batch = tenancy.companiesByName(prefix, after, BATCH);
            more = batch.size() == BATCH;
            Set<CompanyId> held = links.linkedAmong(accountId, batch.stream().map(named -> named.company().id()).toList());
            for (int i = 0; i < batch.size(); i++) {
                Tenancy.NamedAt named = batch.get(i);
                if (prefix != null && !named.key().startsWith(prefix)) {
                    more = false;
                    break;
                }
                read++;
                after = named;
                if (held.contains(named.company().id())) {
                    found.add(choice(named.company()));
                    if (found.size() == PAGE_SIZE) {
                        // the page is full: more when the batch went on past it
                        more = more || i < batch.size() - 1;
                        break;
                    }
                }
            }
        }
        return new ChoicePage(found, more && after != null ? "n" + encode(after.key() + SEPARATOR + after.id()) : null);
    }

    /** Up to {@code limit} companies where the person may sign in, in no particular order. */
    List<CompanyId> some(String accountId, int limit) {
        return links.companiesOf(accountId, limit);
    }

    private static final String SEPARATOR = "\u001f";

    private static CompanyChoice choice(Company company) {
        return new CompanyChoice(company.id().value(), company.name(), company.slug());
    }

    private static int offset(String cursor) {
        if (cursor == null || !cursor.matches("o[0-9]{1,6}")) {
            return 0;
        }
        return Integer.parseInt(cursor.substring(1));
    }

    /** Where a long list's page starts: after the company the cursor names; the start when it names none. */
    private static Tenancy.NamedAt position(String cursor) {
        if (cursor == null || !cursor.startsWith("n")) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor.substring(1)), StandardCharsets.UTF_8);
            int at = decoded.lastIndexOf(SEPARATOR);
            return at < 0 ? null : new Tenancy.NamedAt(decoded.substring(0, at), decoded.substring(at + 1), null);
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
