package io.roster.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A partner whose staff manage many client companies ({@code --partner-companies}, 5,000 by
 * default): the companies are created through the API with the partner's id, a few users each,
 * from the harness's clients in parallel; a partner administrator and a partner user manager, the
 * latter also given the MEMBER role in every company so that an app's sign-in offers them all.
 * Then, as those two people: the Users list across the companies (first page, pages further by
 * cursor, a prefix search, one company's filter; in the console, the page with its count and a
 * search), the companies list, the sign-in (API token and console), and an app's sign-in: the
 * company chooser (first page and a search) and an authorization naming its company.
 */
final class PartnerScenario {

    /** Users created in each company. */
    static final int USERS_PER_COMPANY = 3;

    interface Measure {
        Stats run(Api as, String name, int clients, long maxOps, Duration bound, String note, Load.Op op);
    }

    private final Options o;
    private final Api operator;
    private final Report report;
    private final Cpu cpu;
    private final Measure measure;
    private final Supplier<Double> outboxEmpty;

    PartnerScenario(Options o, Api operator, Report report, Cpu cpu, Measure measure, Supplier<Double> outboxEmpty) {
        this.o = o;
        this.operator = operator;
        this.report = report;
        this.cpu = cpu;
        this.measure = measure;
        this.outboxEmpty = outboxEmpty;
        this.people = new Dataset(o.tag + "pc");
    }

    private String partnerId;
    private String memberAccountId;
    private final Dataset people;

    void run() {
        int companies = o.partnerCompanies;
        Dataset staff = new Dataset(o.tag + "ps");
        Dataset users = new Dataset(o.tag + "pu");
        partnerId = operator.postJson("/api/v1/partners", Map.of("name", "Bench partner " + o.tag))
                .expect(201, "create the partner").json().get("id").asText();
        String adminPassword = "Bench partner admin " + o.tag + " long enough";
        String memberPassword = "Bench partner member " + o.tag + " long enough";
        Dataset.Person admin = staff.person(0);
        Dataset.Person member = staff.person(1);
        addMember(admin, adminPassword, "PARTNER_ADMIN");
        memberAccountId = addMember(member, memberPassword, "PARTNER_USER_MANAGER");

        // The user manager is given a role in every company below: each grant tells them in-app and,
        // by default, by mail. 5,000 mails to one bench person measure the mail outbox, not the
        // partner's space, so they turn the mails off for the fill (in-app notices stay), as a person
        // with thousands of client companies would, and back on after it.
        Api memberApi = Api.to(o.url).bearer(Api.to(o.url).basic(member.userId(), memberPassword).post("/api/v1/tokens")
                .expect(201, "partner member's token").json().get("token").asText());
        memberApi.putJson("/api/v1/me/preferences", Map.of("notifications", Map.of("email", false)))
                .expect(200, "the member's mail notifications off");

        // --- the companies, from the harness's clients in parallel
        String[] companyIds = new String[companies];
        Cpu.Sample before = cpu.sample();
        long start = System.nanoTime();
        Stats fill = Load.run("partner companies", Load.clients(operator, o.clients), companies,
                Duration.ofSeconds(o.loadSeconds), (client, seq, api) -> {
                    int i = (int) seq;
                    Map<String, Object> company = new LinkedHashMap<>();
                    company.put("name", companyName(i));
                    company.put("slug", slug(i));
                    company.put("licensesPurchased", USERS_PER_COMPANY + 2);
                    company.put("partnerId", partnerId);
                    Api.Response created = api.postJson("/api/v1/companies", company);
                    if (created.status() != 201) {
                        throw new IllegalStateException("company " + i + ": " + created.status() + " " + Api.abbreviate(created.body()));
                    }
                    String id = created.json().get("id").asText();
                    companyIds[i] = id;
                    // its users through the product's bulk path, one small CSV import per company
                    Api.Response imported = api.postCsv("/api/v1/companies/" + id + "/users/import",
                            users.csv(i * USERS_PER_COMPANY, (i + 1) * USERS_PER_COMPANY, "ACTIVE", "MEMBER"));
                    if (imported.status() != 200 || imported.json().path("activated").asInt() != USERS_PER_COMPANY) {
                        throw new IllegalStateException("users of company " + i + ": " + imported.status() + " "
                                + Api.abbreviate(imported.body()));
                    }
                    // the user manager may sign in to apps in every company (the chooser's choices)
                    Api.Response role = api.postJson("/api/v1/companies/" + id + "/users/" + memberAccountId + "/roles",
                            Map.of("roleId", "MEMBER"));
                    if (role.status() != 201) {
                        throw new IllegalStateException("role in company " + i + ": " + role.status() + " " + Api.abbreviate(role.body()));
                    }
                    return true;
                });
        if (fill.ops() < companies || fill.errors() > 0) {
            throw new IllegalStateException("created " + fill.ops() + " of " + companies + " partner companies, "
                    + fill.errors() + " failed; first error: " + fill.firstError());
        }
        memberApi.putJson("/api/v1/me/preferences", Map.of("notifications", Map.of("email", true)))
                .expect(200, "the member's mail notifications on again");
        double waited = outboxEmpty.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        report.fact(String.format(Locale.ROOT, "fill a partner: %,d companies, %,d users", companies,
                companies * USERS_PER_COMPANY), String.format(Locale.ROOT,
                "API: the company, a CSV import of its %d users (ACTIVE), a role for the partner's user manager (mails off); %.1f s (outbox empty %.1f s after) = %,.1f companies/s;"
                        + " CPU ms per company: %s", USERS_PER_COMPANY, seconds, Math.max(0, waited), companies / seconds,
                Cpu.perOp(before, cpu.sample(), companies)));
        if (o.pgDatabase != null) {
            report.fact("statistics after the partner fill", Vacuum.analyze(o.pgDatabase));
        }

        Api asMember = Api.to(o.url).bearer(Api.to(o.url).basic(member.userId(), memberPassword).post("/api/v1/tokens")
                .expect(201, "partner member's token").json().get("token").asText());
        Api asAdmin = Api.to(o.url).bearer(Api.to(o.url).basic(admin.userId(), adminPassword).post("/api/v1/tokens")
                .expect(201, "partner admin's token").json().get("token").asText());
        Duration bound = Duration.ofSeconds(o.seconds);
        String scale = String.format(Locale.ROOT, "%,d companies", companies);

        // --- the Users list across the partner's companies
        String usersPath = "/api/v1/partners/" + partnerId + "/users?limit=20";
        Load.Op first = (client, seq, api) -> api.get(usersPath).status() == 200;
        warm(asMember, first);
        measure.run(asMember, "partner users: first page of 20", o.clients, o.searches, bound, scale, first);
        String[][] cursors = new String[o.clients][1];
        Load.Op further = (client, seq, api) -> pageOn(api, usersPath, cursors[client]);
        warm(asMember, further);
        measure.run(asMember, "partner users: next page by cursor", o.clients, o.searches, bound,
                "each client walks the list by Next, from the first page on", further);
        AtomicLong rows = new AtomicLong();
        AtomicLong empty = new AtomicLong();
        int population = companies * USERS_PER_COMPANY;
        Load.Op search = (client, seq, api) -> {
            Api.Response r = api.get(usersPath + "&q=" + URLEncoder.encode(users.query(population, seq * 31 + client),
                    StandardCharsets.UTF_8));
            int found = count(r.body(), "\"userId\":");
            rows.addAndGet(found);
            if (found == 0) {
                empty.incrementAndGet();
            }
            return r.status() == 200;
        };
        warm(asMember, search);
        rows.set(0);
        empty.set(0);
        Stats searched = measure.run(asMember, "partner users: prefix search, page of 20", o.clients, o.searches, bound,
                null, search);
        report.line(String.format(Locale.ROOT, "partner users search: avg %.1f rows, %.0f %% empty",
                rows.get() / (double) Math.max(1, searched.ops()), 100.0 * empty.get() / Math.max(1, searched.ops())));

        Load.Op oneCompany = (client, seq, api) -> api.get(usersPath + "&companyId="
                + companyIds[(int) ((seq * 7919 + client) % companies)]).status() == 200;
        warm(asMember, oneCompany);
        measure.run(asMember, "partner users: one company's filter, page of 20", o.clients, o.searches, bound,
                "companyId=<one of " + scale + ">", oneCompany);

        // --- the companies list
        String companiesPath = "/api/v1/partners/" + partnerId + "/companies?limit=20";
        Load.Op companiesFirst = (client, seq, api) -> api.get(companiesPath).status() == 200;
        warm(asAdmin, companiesFirst);
        measure.run(asAdmin, "partner companies: first page of 20", o.clients, o.searches, bound, scale, companiesFirst);
        String[][] companyCursors = new String[o.clients][1];
        Load.Op companiesFurther = (client, seq, api) -> pageOn(api, companiesPath, companyCursors[client]);
        warm(asAdmin, companiesFurther);
        measure.run(asAdmin, "partner companies: next page by cursor", o.clients, o.searches, bound, null, companiesFurther);

        // --- sign-in of the partner's staff
        Api memberLogin = Api.to(o.url).basic(member.userId(), memberPassword);
        Load.Op token = (client, seq, api) -> memberLogin.another().post("/api/v1/tokens").status() == 201;
        Load.run("warm-up", Load.clients(operator, o.clients), 8, bound, token);
        measure.run(operator, "partner staff: POST /api/v1/tokens", o.clients, o.signIns, bound,
                "Argon2id-bound; standing in " + scale, token);

        // --- an app's sign-in: the chooser and a named company
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("name", "Bench partner app " + o.tag);
        registration.put("redirectUris", List.of(AppSignIn.REDIRECT_URI));
        registration.put("confidential", true);
        JsonNode registered = operator.postJson("/api/v1/oidc-clients", registration).expect(201, "register an OIDC client").json();
        List<AppSignIn> apps = new ArrayList<>();
        for (int i = 0; i < o.clients; i++) {
            AppSignIn app = new AppSignIn(o.url, registered.get("clientId").asText(), registered.get("clientSecret").asText(),
                    slug((i * 997) % companies));
            app.signIn(member.userId(), memberPassword);
            apps.add(app);
        }
        Load.Op console = (client, seq, api) -> apps.get(client).consoleSignIn(member.userId(), memberPassword) > 0;
        Load.run("warm-up", Load.clients(operator, o.clients), 8, bound, console);
        measure.run(operator, "partner staff: console sign-in + landing page", o.clients, o.signIns, bound,
                "GET /login, POST /login, GET / and its redirects", console);
        // the console's Users table of the partner space: its page of 50, the count ("1–50 of N") and
        // the company picker; then a prefix search
        String consoleUsers = "/partners/" + partnerId + "/users";
        Load.Op consolePage = (client, seq, api) -> apps.get(client).consolePage(consoleUsers, "page-range") > 0;
        warm(operator, consolePage);
        measure.run(operator, "partner users (console): page of 50 with its count", o.clients, o.searches, bound,
                "GET " + consoleUsers + " with the count; " + scale, consolePage);
        Load.Op consoleSearch = (client, seq, api) -> apps.get(client).consolePage(consoleUsers + "?q="
                + URLEncoder.encode(users.query(population, seq * 17 + client), StandardCharsets.UTF_8), "users-heading") > 0;
        warm(operator, consoleSearch);
        measure.run(operator, "partner users (console): prefix search with its count", o.clients, o.searches, bound,
                null, consoleSearch);
        Load.Op chooser = (client, seq, api) -> apps.get(client).chooser(null) > 0;
        warm(operator, chooser);
        measure.run(operator, "app sign-in: company chooser", o.clients, o.searches, bound,
                "authorize without company → 302 → the chooser's first page; standing in " + scale, chooser);
        Load.Op chooserSearch = (client, seq, api) -> apps.get(client).chooser(companyPrefix((int) ((seq * 7919) % companies))) > 0;
        warm(operator, chooserSearch);
        measure.run(operator, "app sign-in: company chooser, name search", o.clients, o.searches, bound,
                "the same with a name prefix", chooserSearch);
        Load.Op named = (client, seq, api) -> apps.get(client).authorizeToCode();
        warm(operator, named);
        measure.run(operator, "app sign-in: authorize company=<slug> → code", o.clients, o.oidcCodes, bound,
                "the code is not exchanged", named);
    }

    private String addMember(Dataset.Person p, String password, String role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", p.userId());
        body.put("firstName", p.firstName());
        body.put("lastName", p.lastName());
        body.put("email", p.email());
        body.put("password", password);
        body.put("emailVerified", true);
        body.put("role", role);
        return operator.postJson("/api/v1/partners/" + partnerId + "/members", body).expect(201, "add " + role).json()
                .get("accountId").asText();
    }

    private void warm(Api as, Load.Op op) {
        Load.run("warm-up", Load.clients(as, o.clients), Math.min(200, o.searches), Duration.ofSeconds(o.seconds), op);
    }

    /** One page of a list, on from the client's cursor (back to the first page after the last). */
    private static boolean pageOn(Api api, String path, String[] cursor) {
        Api.Response r = api.get(path + (cursor[0] == null ? "" : "&cursor=" + URLEncoder.encode(cursor[0], StandardCharsets.UTF_8)));
        if (r.status() != 200) {
            return false;
        }
        JsonNode next = r.json().get("nextCursor");
        cursor[0] = next == null || next.isNull() ? null : next.asText();
        return true;
    }

    /** A company's name: a family name, a trade and its number, so that a prefix narrows it like a real directory. */
    private String companyName(int i) {
        Dataset.Person p = people.person(i);
        String[] trades = {"Conseil", "Logistique", "Boulangerie", "Atelier", "Transports", "Studio", "Services", "Cabinet"};
        return p.lastName() + " " + trades[i % trades.length] + " " + i;
    }

    private String companyPrefix(int i) {
        String name = companyName(i);
        return name.substring(0, Math.min(name.length(), 3 + i % 3)).toLowerCase(Locale.ROOT);
    }

    private String slug(int i) {
        return "pb-" + o.tag + "-" + i;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            n++;
        }
        return n;
    }
}
