package io.roster.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.roster.shared.CompanyId;
import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * docs/rules.md §6 and §14: who may do what, over real HTTP. A partner P with an attached company A and a
 * company B of its own; one signed-in persona per kind of standing; every operation is called by
 * every persona and must answer exactly: the success status (or the domain's refusal) when allowed,
 * 403 with standing but without the permission, 404 without standing (exactly like a company or
 * partner that does not exist), 401 anonymous. Destructive operations get fresh targets per cell,
 * so no cell depends on the order the cells run in.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTests {

    private static final String PASSWORD = "Quiet-Harbor-Orbit-7319";
    private static final int LICENSES_OF_A = 1000;

    /**
     * Cells that contradict the rules today (a bug in main code, see the report of the commit that
     * added this class). They still run: while they answer wrongly they are skipped with the actual
     * response; once they answer rightly they fail, so the entry gets removed with the fix.
     */
    static final Set<String> KNOWN_BUGS = Set.of();

    private static final String USERS_READ = "users.read";
    private static final String USERS_MANAGE = "users.manage";
    private static final String ROLES_MANAGE = "roles.manage";
    private static final String BILLING_MANAGE = "billing.manage";
    private static final String WORKSPACES_READ = "workspaces.read";
    private static final String WORKSPACES_MANAGE = "workspaces.manage";
    private static final String AUDIT_READ = "audit.read";
    private static final Set<String> ALL = Set.of(USERS_READ, USERS_MANAGE, ROLES_MANAGE, WORKSPACES_READ,
            WORKSPACES_MANAGE, BILLING_MANAGE, AUDIT_READ);
    private static final String BOUNDARY = "matrix-boundary-7c1f";
    private static final Set<String> USER_MANAGER_PERMISSIONS = Set.of(USERS_READ, USERS_MANAGE, "workspaces.read");

    /** Who calls: standing and permissions in A and in B (null: no standing), and in the partner space. */
    enum Persona {
        OPERATOR(ALL, ALL, Partner.OPERATOR),
        PARTNER_ADMIN(ALL, null, Partner.ADMIN),
        PARTNER_USER_MANAGER(USER_MANAGER_PERMISSIONS, null, Partner.USER_MANAGER),
        ADMINISTRATOR(ALL, null, Partner.NONE),
        USER_MANAGER(USER_MANAGER_PERMISSIONS, null, Partner.NONE),
        BILLING_MANAGER(Set.of(BILLING_MANAGE), null, Partner.NONE),
        AUDITOR(Set.of(USERS_READ, "workspaces.read", "audit.read"), null, Partner.NONE),
        MEMBER(Set.of(), null, Partner.NONE),
        /** Home B without a role there; MEMBER in A. */
        EXTERNAL(Set.of(), Set.of(), Partner.NONE),
        B_ADMINISTRATOR(null, ALL, Partner.NONE),
        ANONYMOUS(null, null, Partner.NONE);

        final Set<String> inA;
        final Set<String> inB;
        final Partner partner;

        Persona(Set<String> inA, Set<String> inB, Partner partner) {
            this.inA = inA;
            this.inB = inB;
            this.partner = partner;
        }
    }

    enum Partner { NONE, USER_MANAGER, ADMIN, OPERATOR }

    /** The status a persona must get from an operation whose success status is {@code ok}. */
    interface Rule {
        int expected(Persona persona);
    }

    static Rule inCompany(Function<Persona, Set<String>> standing, int ok, String... needed) {
        return persona -> {
            if (persona == Persona.ANONYMOUS) {
                return 401;
            }
            Set<String> held = standing.apply(persona);
            if (held == null) {
                return 404;
            }
            return held.containsAll(Arrays.asList(needed)) ? ok : 403;
        };
    }

    static Rule inA(int ok, String... needed) {
        return inCompany(p -> p.inA, ok, needed);
    }

    static Rule inB(int ok, String... needed) {
        return inCompany(p -> p.inB, ok, needed);
    }

    static Rule operatorOnly(int ok) {
        return p -> p == Persona.ANONYMOUS ? 401 : p == Persona.OPERATOR ? ok : 403;
    }

    static Rule partnerMember(int ok) {
        return p -> p == Persona.ANONYMOUS ? 401 : p.partner == Partner.NONE ? 404 : ok;
    }

    static Rule partnerAdmin(int ok) {
        return p -> switch (p.partner) {
            case NONE -> p == Persona.ANONYMOUS ? 401 : 404;
            case USER_MANAGER -> 403;
            case ADMIN, OPERATOR -> ok;
        };
    }

    /** The right a persona holds on the matrix's workspaces of A: only MEMBER and EXTERNAL hold one. */
    static String rightOnWorkspaces(Persona persona) {
        return switch (persona) {
            case MEMBER -> "READ";
            case EXTERNAL -> "ADMIN";
            default -> null;
        };
    }

    /**
     * A workspace of A: seen with {@code workspaces.read} (or {@code .manage}) or a right on it, else
     * 404 like one that does not exist; managed as its ADMIN or with {@code workspaces.manage}, else
     * 403 for who sees it.
     */
    static Rule onWorkspace(int ok, boolean manage) {
        return persona -> {
            if (persona == Persona.ANONYMOUS) {
                return 401;
            }
            if (persona.inA == null) {
                return 404;
            }
            String own = rightOnWorkspaces(persona);
            boolean sees = own != null || persona.inA.contains(WORKSPACES_READ) || persona.inA.contains(WORKSPACES_MANAGE);
            if (!sees) {
                return 404;
            }
            if (!manage) {
                return ok;
            }
            return "ADMIN".equals(own) || persona.inA.contains(WORKSPACES_MANAGE) ? ok : 403;
        };
    }

    /**
     * The company's own administrators (every permission through company roles) and the operator:
     * a partner's staff, whatever their grant, answer nothing about their own access (403).
     */
    static Rule companyAdministrator(int ok) {
        return persona -> {
            if (persona == Persona.ANONYMOUS) {
                return 401;
            }
            if (persona.inA == null) {
                return 404;
            }
            return persona == Persona.OPERATOR || persona == Persona.ADMINISTRATOR ? ok : 403;
        };
    }

    /** A fresh partner's request for access to A, waiting for A's answer: its grant id. */
    String pendingGrantInA() {
        String partner = fixtures.partner();
        String slug = operator.get(a()).text("slug");
        return created(operator.post("/api/v1/partners/" + partner + "/access-requests", Map.of("companySlug", slug)),
                "grantId");
    }

    /** A fresh partner's ACTIVE grant in A with its renewal asked, waiting for A's answer: its grant id. */
    String renewalWaitingInA() {
        String partner = fixtures.partner();
        String slug = operator.get(a()).text("slug");
        String grant = created(operator.post("/api/v1/partners/" + partner + "/access-requests",
                Map.of("companySlug", slug)), "grantId");
        assertThat(operator.post(a() + "/partner-access/" + grant + "/accept", Map.of()).status()).isEqualTo(200);
        assertThat(operator.post("/api/v1/partners/" + partner + "/access-requests", Map.of("companySlug", slug))
                .status()).isEqualTo(201);
        return grant;
    }

    static Rule signedIn(int ok) {
        return p -> p == Persona.ANONYMOUS ? 401 : ok;
    }

    /** A prepared call: fixtures made, only the request left to send as someone. */
    interface Call {
        Api.Response send(Api as);
    }

    /**
     * An operation of the matrix; {@code prepare} makes fresh targets (as the operator) for one cell.
     * {@code endpoint} is the handler it exercises, as Spring maps it ("METHOD /path/{pattern}"): the
     * completeness check fails for a handler under {@code /api} that no operation declares.
     */
    record Op(String endpoint, String label, Rule rule, Function<Persona, Call> prepare) {
        @Override
        public String toString() {
            return label;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    Api operator;
    Fixtures fixtures;
    String partnerP;
    String companyA;
    String companyA2;
    String companyB;
    /** ACTIVE users of A and B that read-only cells look at. */
    String activeInA;
    String activeInB;
    String draftInB;
    String externalId;
    String partnerAdminId;
    /** The workspace of A read-only cells look at (see {@link #workspaceWithRights}). */
    String workspaceW;
    String memberAccountId;
    String externalAccountId;
    final Map<Persona, Api> as = new EnumMap<>(Persona.class);
    final Map<Persona, String> logins = new EnumMap<>(Persona.class);

    @BeforeAll
    void setUp() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        partnerP = fixtures.partner();
        companyA = fixtures.companyOf(partnerP, LICENSES_OF_A);
        companyA2 = fixtures.companyOf(partnerP, 10);
        companyB = fixtures.company(100);

        as.put(Persona.OPERATOR, operator);
        as.put(Persona.ANONYMOUS, Api.at(port));
        partnerAdminId = staff(Persona.PARTNER_ADMIN, "PARTNER_ADMIN");
        staff(Persona.PARTNER_USER_MANAGER, "PARTNER_USER_MANAGER");
        for (Persona persona : List.of(Persona.ADMINISTRATOR, Persona.USER_MANAGER, Persona.BILLING_MANAGER,
                Persona.AUDITOR, Persona.MEMBER)) {
            signInAs(persona, createSignable(companyA, List.of(persona.name())));
        }
        signInAs(Persona.B_ADMINISTRATOR, createSignable(companyB, List.of("ADMINISTRATOR")));
        Map<String, Object> external = createSignable(companyB, List.of());
        externalId = (String) external.get("id");
        giveMemberInA(externalId);
        signInAs(Persona.EXTERNAL, external);

        activeInA = activeUser(companyA);
        activeInB = activeUser(companyB);
        draftInB = draftUser(companyB);

        memberAccountId = accountIdOf(Persona.MEMBER);
        externalAccountId = accountIdOf(Persona.EXTERNAL);
        workspaceW = workspaceWithRights();
    }

    // ---------------------------------------------------------------------------------------------
    // The matrix

    List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        ops.add(op("GET /api/v1/companies/{companyId}", "GET /companies/A", inA(200), () -> api -> api.get(a())));
        ops.add(op("PUT /api/v1/companies/{companyId}/licenses", "PUT /companies/A/licenses", inA(200, BILLING_MANAGE),
                () -> api -> api.put(a() + "/licenses", Map.of("licensesPurchased", LICENSES_OF_A))));
        ops.add(op("PUT /api/v1/companies/{companyId}/licenses", "PUT /companies/A/licenses below the seats in use", inA(409, BILLING_MANAGE),
                () -> api -> api.put(a() + "/licenses", Map.of("licensesPurchased", 0))));

        ops.add(op("GET /api/v1/companies/{companyId}/users", "GET /companies/A/users", inA(200, USERS_READ), () -> api -> api.get(usersOf(companyA))));
        ops.add(op("POST /api/v1/companies/{companyId}/users", "POST /companies/A/users", inA(201, USERS_MANAGE),
                () -> api -> api.post(usersOf(companyA), Fixtures.with(Fixtures.validUser("ACTIVE"), "roles", List.of("MEMBER")))));
        ops.add(op("POST /api/v1/companies/{companyId}/users", "POST /companies/A/users with roles [ADMINISTRATOR]", inA(201, ALL.toArray(String[]::new)),
                () -> api -> api.post(usersOf(companyA), Fixtures.with(Fixtures.validUser("DRAFT"), "roles", List.of("ADMINISTRATOR")))));
        ops.add(op("GET /api/v1/companies/{companyId}/users/{id}", "GET /companies/A/users/{active}", inA(200, USERS_READ), () -> api -> api.get(userInA(activeInA))));
        ops.add(op("PATCH /api/v1/companies/{companyId}/users/{id}", "PATCH /companies/A/users/{active}", inA(200, USERS_MANAGE), () -> {
            String target = activeUser(companyA);
            return api -> api.patch(userInA(target), Map.of("firstName", "Renamed"), Map.of());
        }));
        ops.add(op("DELETE /api/v1/companies/{companyId}/users/{id}", "DELETE /companies/A/users/{draft}", inA(204, USERS_MANAGE), () -> {
            String target = draftUser(companyA);
            return api -> api.delete(userInA(target), Map.of());
        }));
        ops.add(op("DELETE /api/v1/companies/{companyId}/users/{id}", "DELETE /companies/A/users/{active}", inA(409, USERS_MANAGE), () -> {
            String target = activeUser(companyA);
            return api -> api.delete(userInA(target), Map.of());
        }));
        ops.add(op("POST /api/v1/companies/{companyId}/users/{id}/activate", "POST /companies/A/users/{draft}/activate", inA(200, USERS_MANAGE), () -> {
            String target = draftUser(companyA);
            return api -> api.post(userInA(target) + "/activate", null);
        }));
        ops.add(op("POST /api/v1/companies/{companyId}/users/{id}/deactivate", "POST /companies/A/users/{active}/deactivate", inA(200, USERS_MANAGE), () -> {
            String target = activeUser(companyA);
            return api -> api.post(userInA(target) + "/deactivate", null);
        }));
        ops.add(op("GET /api/v1/companies/{companyId}/users/{id}", "GET /companies/A/users/{external}", inA(200, USERS_READ), () -> api -> api.get(userInA(externalId))));
        ops.add(op("PATCH /api/v1/companies/{companyId}/users/{id}", "PATCH /companies/A/users/{external}", inA(403, USERS_MANAGE),
                () -> api -> api.patch(userInA(externalId), Map.of("firstName", "Renamed"), Map.of())));

        ops.add(op("GET /api/v1/companies/{companyId}/users/{id}/roles", "GET /companies/A/users/{active}/roles", inA(200, USERS_READ),
                () -> api -> api.get(userInA(activeInA) + "/roles")));
        ops.add(grant("MEMBER", inA(201, USERS_MANAGE)));
        ops.add(grant("BILLING_MANAGER", inA(201, USERS_MANAGE, BILLING_MANAGE)));
        ops.add(grant("ADMINISTRATOR", inA(201, ALL.toArray(String[]::new))));
        ops.add(revoke("MEMBER", inA(204, USERS_MANAGE)));
        ops.add(revoke("ADMINISTRATOR", inA(204, ALL.toArray(String[]::new))));
        ops.add(op("GET /api/v1/companies/{companyId}/roles", "GET /companies/A/roles", inA(200), () -> api -> api.get(a() + "/roles")));
        ops.add(op("POST /api/v1/companies/{companyId}/roles", "POST /companies/A/roles", inA(201, ROLES_MANAGE), () -> api -> api.post(a() + "/roles",
                Map.of("name", Fixtures.unique("Reader"), "permissions", List.of(USERS_READ)))));

        ops.add(op("GET /api/v1/companies/{companyId}/users/{id}/sign-in-lock", "GET /companies/A/users/{active}/sign-in-lock", inA(200, USERS_READ),
                () -> api -> api.get(userInA(activeInA) + "/sign-in-lock")));
        ops.add(op("DELETE /api/v1/companies/{companyId}/users/{id}/sign-in-lock", "DELETE /companies/A/users/{active}/sign-in-lock", inA(204, USERS_MANAGE),
                () -> api -> api.delete(userInA(activeInA) + "/sign-in-lock", Map.of())));
        ops.add(op("GET /api/v1/companies/{companyId}/users/{id}/sign-in-lock", "GET /companies/A/users/{external}/sign-in-lock", inA(403, USERS_READ),
                () -> api -> api.get(userInA(externalId) + "/sign-in-lock")));
        ops.add(op("GET /api/v1/companies/{companyId}/users/{id}/tokens", "GET /companies/A/users/{active}/tokens", inA(200, USERS_MANAGE),
                () -> api -> api.get(userInA(activeInA) + "/tokens")));

        ops.add(op("GET /api/v1/companies/{companyId}", "GET /companies/B", inB(200), () -> api -> api.get("/api/v1/companies/" + companyB)));
        ops.add(op("GET /api/v1/companies/{companyId}/users", "GET /companies/B/users", inB(200, USERS_READ), () -> api -> api.get(usersOf(companyB))));

        ops.add(op("POST /api/v1/partners", "POST /partners", operatorOnly(201),
                () -> api -> api.post("/api/v1/partners", Map.of("name", Fixtures.unique("Partner")))));
        ops.add(op("GET /api/v1/partners/{partnerId}", "GET /partners/P", partnerMember(200), () -> api -> api.get(p())));
        ops.add(op("GET /api/v1/partners/{partnerId}/companies", "GET /partners/P/companies", partnerMember(200), () -> api -> api.get(p() + "/companies")));
        ops.add(op("GET /api/v1/partners/{partnerId}/members", "GET /partners/P/members", partnerMember(200), () -> api -> api.get(p() + "/members")));
        ops.add(op("GET /api/v1/partners/{partnerId}/members/{accountId}", "GET /partners/P/members/{admin}", partnerMember(200),
                () -> api -> api.get(p() + "/members/" + partnerAdminId)));
        ops.add(op("GET /api/v1/partners/{partnerId}/users", "GET /partners/P/users", partnerMember(200), () -> api -> api.get(p() + "/users")));
        ops.add(op("POST /api/v1/partners/{partnerId}/members", "POST /partners/P/members", partnerAdmin(201),
                () -> api -> api.post(p() + "/members", staffBody("PARTNER_USER_MANAGER"))));
        ops.add(op("DELETE /api/v1/partners/{partnerId}/members/{accountId}", "DELETE /partners/P/members/{member}", partnerAdmin(204), () -> {
            String member = created(operator.post(p() + "/members", staffBody("PARTNER_USER_MANAGER")), "accountId");
            return api -> api.delete(p() + "/members/" + member, Map.of());
        }));

        ops.add(op("POST /api/v1/partners/{partnerId}/access-requests", "POST /partners/P/access-requests {a company of none}",
                partnerAdmin(201), () -> {
                    String slug = operator.get("/api/v1/companies/" + fixtures.company(1)).text("slug");
                    return api -> api.post(p() + "/access-requests", Map.of("companySlug", slug));
                }));
        ops.add(op("GET /api/v1/companies/{companyId}/partner-access", "GET /companies/A/partner-access",
                companyAdministrator(200), () -> api -> api.get(a() + "/partner-access")));
        ops.add(op("POST /api/v1/companies/{companyId}/partner-access/{grantId}/accept",
                "POST /companies/A/partner-access/{pending}/accept", companyAdministrator(200), () -> {
                    String grant = pendingGrantInA();
                    return api -> api.post(a() + "/partner-access/" + grant + "/accept", Map.of());
                }));
        ops.add(op("POST /api/v1/companies/{companyId}/partner-access/{grantId}/revoke",
                "POST /companies/A/partner-access/{pending}/revoke", companyAdministrator(200), () -> {
                    String grant = pendingGrantInA();
                    return api -> api.post(a() + "/partner-access/" + grant + "/revoke", null);
                }));
        ops.add(op("POST /api/v1/companies/{companyId}/partner-access/{grantId}/decline",
                "POST /companies/A/partner-access/{pending}/decline", companyAdministrator(200), () -> {
                    String grant = pendingGrantInA();
                    return api -> api.post(a() + "/partner-access/" + grant + "/decline", null);
                }));
        ops.add(op("POST /api/v1/companies/{companyId}/partner-access/{grantId}/decline",
                "POST /companies/A/partner-access/{renewal waiting}/decline", companyAdministrator(200), () -> {
                    String grant = renewalWaitingInA();
                    return api -> api.post(a() + "/partner-access/" + grant + "/decline", null);
                }));

        ops.add(op("POST /api/v1/companies", "POST /companies", operatorOnly(201), () -> api -> api.post("/api/v1/companies", companyBody(null))));
        ops.add(op("POST /api/v1/companies", "POST /companies with partnerId P", partnerAdmin(201),
                () -> api -> api.post("/api/v1/companies", companyBody(partnerP))));
        ops.add(op("GET /api/v1/me", "GET /me", signedIn(200), () -> api -> api.get("/api/v1/me")));
        ops.add(op("GET /api/v1/tokens", "GET /tokens", signedIn(200), () -> api -> api.get("/api/v1/tokens")));

        ops.addAll(moreCompanyOperations());
        ops.addAll(workspaceOperations());
        ops.addAll(ownOperations());
        ops.addAll(webhookOperations(true));
        ops.addAll(webhookOperations(false));
        ops.addAll(oidcOperations());
        return ops;
    }

    /** The apps signing people in through Roster (OpenID Connect clients) and its signing keys: the operator's. */
    List<Op> oidcOperations() {
        String list = "/api/v1/oidc-clients";
        String one = list + "/{clientId}";
        List<Op> ops = new ArrayList<>();
        ops.add(op("GET " + list, "GET /oidc-clients", operatorOnly(200), () -> api -> api.get(list)));
        ops.add(op("POST " + list, "POST /oidc-clients", operatorOnly(201), () -> api -> api.post(list, oidcClientBody())));
        ops.add(op("GET " + one, "GET /oidc-clients/{id}", operatorOnly(200),
                () -> api -> api.get(list + "/" + sharedOidcClient())));
        ops.add(op("PATCH " + one, "PATCH /oidc-clients/{id}", operatorOnly(200),
                () -> api -> api.patch(list + "/" + sharedOidcClient(), Map.of("name", "Matrix app"), Map.of())));
        ops.add(opOf("DELETE " + one, "DELETE /oidc-clients/{id}", operatorOnly(204), persona -> {
            String target = operatorOnly(204).expected(persona) == 204 ? created(operator.post(list, oidcClientBody()),
                    "clientId") : sharedOidcClient();
            return api -> api.delete(list + "/" + target, Map.of());
        }));
        ops.add(op("POST " + one + "/rotate-secret", "POST /oidc-clients/{id}/rotate-secret", operatorOnly(200),
                () -> api -> api.post(list + "/" + sharedOidcClient() + "/rotate-secret", null)));
        ops.add(op("POST /api/v1/oidc-keys/rotate", "POST /oidc-keys/rotate", operatorOnly(200),
                () -> api -> api.post("/api/v1/oidc-keys/rotate", null)));
        return ops;
    }

    private String sharedOidcClientId;

    private String sharedOidcClient() {
        if (sharedOidcClientId == null) {
            sharedOidcClientId = created(operator.post("/api/v1/oidc-clients", oidcClientBody()), "clientId");
        }
        return sharedOidcClientId;
    }

    private static Map<String, Object> oidcClientBody() {
        return Map.of("name", "Matrix app", "redirectUris", List.of("https://app.example/callback"), "confidential", true);
    }

    /**
     * Webhook endpoints of A (the administrator's whole permission set) and of the platform (the
     * operator). Endpoints are made disabled on a public address literal: nothing is ever posted.
     * Cells that change or remove one get a fresh endpoint only when they are to succeed.
     */
    List<Op> webhookOperations(boolean company) {
        String list = company ? "/api/v1/companies/{companyId}/webhooks" : "/api/v1/webhooks";
        String one = list + "/{id}";
        String label = company ? "/companies/A/webhooks" : "/webhooks";
        Rule admin = company ? inA(200, ALL.toArray(String[]::new)) : operatorOnly(200);
        Rule made = company ? inA(201, ALL.toArray(String[]::new)) : operatorOnly(201);
        Rule deleted = company ? inA(204, ALL.toArray(String[]::new)) : operatorOnly(204);
        Rule unknownDelivery = company ? inA(404, ALL.toArray(String[]::new)) : operatorOnly(404);
        Map<String, Object> body = webhookBody();
        List<Op> ops = new ArrayList<>();
        ops.add(op("GET " + list, "GET " + label, admin, () -> api -> api.get(webhooks(company))));
        ops.add(op("POST " + list, "POST " + label, made, () -> api -> api.post(webhooks(company), body)));
        ops.add(op("GET " + one, "GET " + label + "/{id}", admin,
                () -> api -> api.get(webhooks(company) + "/" + sharedWebhook(company))));
        ops.add(op("PATCH " + one, "PATCH " + label + "/{id}", admin,
                () -> api -> api.patch(webhooks(company) + "/" + sharedWebhook(company), Map.of("enabled", false),
                        Map.of())));
        ops.add(opOf("DELETE " + one, "DELETE " + label + "/{id}", deleted, persona -> {
            String target = deleted.expected(persona) == 204 ? created(operator.post(webhooks(company), body), "id")
                    : sharedWebhook(company);
            return api -> api.delete(webhooks(company) + "/" + target, Map.of());
        }));
        ops.add(op("POST " + one + "/rotate-secret", "POST " + label + "/{id}/rotate-secret", admin,
                () -> api -> api.post(webhooks(company) + "/" + sharedWebhook(company) + "/rotate-secret", null)));
        ops.add(op("GET " + one + "/deliveries", "GET " + label + "/{id}/deliveries", admin,
                () -> api -> api.get(webhooks(company) + "/" + sharedWebhook(company) + "/deliveries")));
        ops.add(op("POST " + one + "/deliveries/{deliveryId}/redeliver",
                "POST " + label + "/{id}/deliveries/{unknown}/redeliver", unknownDelivery,
                () -> api -> api.post(webhooks(company) + "/" + sharedWebhook(company)
                        + "/deliveries/unknown/redeliver", null)));
        return ops;
    }

    private final Map<Boolean, String> sharedWebhooks = new java.util.HashMap<>();

    private String webhooks(boolean company) {
        return company ? a() + "/webhooks" : "/api/v1/webhooks";
    }

    private static Map<String, Object> webhookBody() {
        return Map.of("url", "https://93.184.215.14/hook", "events", List.of("user.created"), "enabled", false);
    }

    /** The endpoint read-only and idempotent cells look at, made once per scope. */
    private String sharedWebhook(boolean company) {
        return sharedWebhooks.computeIfAbsent(company, c -> created(operator.post(webhooks(c), webhookBody()), "id"));
    }

    /** Roles, audit, the CSV files, account-setup invitations and tokens of A's users. */
    List<Op> moreCompanyOperations() {
        String users = "/api/v1/companies/{companyId}/users";
        List<Op> ops = new ArrayList<>();
        ops.add(op("GET /api/v1/companies/{companyId}/roles/{roleId}", "GET /companies/A/roles/MEMBER", inA(200),
                () -> api -> api.get(a() + "/roles/MEMBER")));
        String scimTokens = "/api/v1/companies/{companyId}/scim-tokens";
        // a SCIM token grants any company role through Groups: every company permission
        String[] all = ALL.toArray(String[]::new);
        ops.add(op("POST " + scimTokens, "POST /companies/A/scim-tokens", inA(201, all),
                () -> api -> api.post(a() + "/scim-tokens", null)));
        ops.add(op("GET " + scimTokens, "GET /companies/A/scim-tokens", inA(200, all),
                () -> api -> api.get(a() + "/scim-tokens")));
        // the company's settings and its seat waitlist are Plan & billing's; an unknown entry is a 404 past the check
        String settings = "/api/v1/companies/{companyId}/settings";
        String waitlist = "/api/v1/companies/{companyId}/waitlist";
        ops.add(op("GET " + settings, "GET /companies/A/settings", inA(200, BILLING_MANAGE),
                () -> api -> api.get(a() + "/settings")));
        ops.add(op("PUT " + settings, "PUT /companies/A/settings (nothing changed)", inA(200, BILLING_MANAGE),
                () -> api -> api.put(a() + "/settings", Map.of())));
        ops.add(op("GET " + waitlist, "GET /companies/A/waitlist", inA(200, BILLING_MANAGE),
                () -> api -> api.get(a() + "/waitlist")));
        ops.add(op("DELETE " + waitlist + "/{id}", "DELETE /companies/A/waitlist/{unknown}", inA(404, BILLING_MANAGE),
                () -> api -> api.delete(a() + "/waitlist/" + Fixtures.unique("entry"), Map.of())));
        ops.add(op("POST " + waitlist + "/{id}/move", "POST /companies/A/waitlist/{unknown}/move", inA(404, BILLING_MANAGE),
                () -> api -> api.post(a() + "/waitlist/" + Fixtures.unique("entry") + "/move", Map.of("position", 1))));
        String scimSettings = "/api/v1/companies/{companyId}/scim-settings";
        ops.add(op("GET " + scimSettings, "GET /companies/A/scim-settings", inA(200, ROLES_MANAGE),
                () -> api -> api.get(a() + "/scim-settings")));
        ops.add(op("PUT " + scimSettings, "PUT /companies/A/scim-settings", inA(200, USERS_MANAGE, ROLES_MANAGE),
                () -> api -> api.put(a() + "/scim-settings", Map.of("defaultRoleId", "MEMBER", "inviteProvisioned", true))));
        ops.add(op("DELETE " + scimTokens + "/{id}", "DELETE /companies/A/scim-tokens/{token}",
                inA(204, all), () -> {
                    String token = created(operator.post(a() + "/scim-tokens", null), "id");
                    return api -> api.delete(a() + "/scim-tokens/" + token, Map.of());
                }));
        ops.add(op("PUT /api/v1/companies/{companyId}/roles/{roleId}", "PUT /companies/A/roles/{custom}",
                inA(200, ROLES_MANAGE), () -> {
                    String role = created(operator.post(a() + "/roles", Map.of("name", Fixtures.unique("Reader"),
                            "permissions", List.of(USERS_READ))), "id");
                    return api -> api.put(a() + "/roles/" + role, Map.of("name", Fixtures.unique("Renamed"),
                            "permissions", List.of(USERS_READ)));
                }));
        ops.add(op("DELETE /api/v1/companies/{companyId}/roles/{roleId}", "DELETE /companies/A/roles/{unused custom}",
                inA(204, ROLES_MANAGE), () -> {
                    String role = created(operator.post(a() + "/roles", Map.of("name", Fixtures.unique("Unused"),
                            "permissions", List.of())), "id");
                    return api -> api.delete(a() + "/roles/" + role, Map.of());
                }));

        ops.add(op("GET /api/v1/companies/{companyId}/audit", "GET /companies/A/audit", inA(200, AUDIT_READ),
                () -> api -> api.get(a() + "/audit")));
        ops.add(op("GET /api/v1/companies/{companyId}/audit/export", "GET /companies/A/audit/export",
                inA(200, AUDIT_READ), () -> api -> api.get(a() + "/audit/export")));
        ops.add(op("GET /api/v1/partners/{partnerId}/audit", "GET /partners/P/audit", partnerAdmin(200),
                () -> api -> api.get(p() + "/audit")));
        ops.add(op("GET /api/v1/partners/{partnerId}/audit/export", "GET /partners/P/audit/export", partnerAdmin(200),
                () -> api -> api.get(p() + "/audit/export")));

        ops.add(op("POST " + users + "/import", "POST /companies/A/users/import?dryRun=true (text/csv)",
                inA(200, USERS_MANAGE), () -> api -> api.raw("POST", usersOf(companyA) + "/import?dryRun=true",
                        "text/csv", csvOfOneUser())));
        ops.add(op("POST " + users + "/import", "POST /companies/A/users/import?dryRun=true (multipart)",
                inA(200, USERS_MANAGE), () -> api -> api.raw("POST", usersOf(companyA) + "/import?dryRun=true",
                        "multipart/form-data; boundary=" + BOUNDARY, multipart(csvOfOneUser()))));
        ops.add(op("GET " + users + "/export", "GET /companies/A/users/export", inA(200, USERS_READ),
                () -> api -> api.get(usersOf(companyA) + "/export")));

        ops.add(op("POST " + users + "/{id}/invite", "POST /companies/A/users/{active}/invite", inA(201, USERS_MANAGE),
                () -> {
                    String target = activeUser(companyA);
                    return api -> api.post(userInA(target) + "/invite", null);
                }));
        ops.add(op("GET " + users + "/{id}/invitation", "GET /companies/A/users/{active}/invitation",
                inA(200, USERS_READ), () -> api -> api.get(userInA(activeInA) + "/invitation")));
        ops.add(op("DELETE " + users + "/{id}/invitation", "DELETE /companies/A/users/{active}/invitation",
                inA(204, USERS_MANAGE), () -> {
                    String target = activeUser(companyA);
                    return api -> api.delete(userInA(target) + "/invitation", Map.of());
                }));
        ops.add(op("DELETE " + users + "/{id}/tokens/{tokenId}", "DELETE /companies/A/users/{member}/tokens/{token}",
                inA(204, USERS_MANAGE), () -> {
                    Map<String, Object> person = createSignable(companyA, List.of("MEMBER"));
                    String token = issueToken((String) person.get("email"), PASSWORD);
                    return api -> api.delete(userInA((String) person.get("id")) + "/tokens/" + token, Map.of());
                }));
        String security = "/api/v1/companies/{companyId}/security";
        ops.add(op("GET " + security, "GET /companies/A/security", inA(200, ROLES_MANAGE),
                () -> api -> api.get(a() + "/security")));
        // left off: turning it on would send the matrix's administrators to enrol
        ops.add(op("PUT " + security, "PUT /companies/A/security (off)", inA(200, USERS_MANAGE, ROLES_MANAGE),
                () -> api -> api.put(a() + "/security", Map.of("requireMfaForAdmins", false))));
        ops.add(op("GET " + users + "/{id}/mfa", "GET /companies/A/users/{active}/mfa", inA(200, USERS_READ),
                () -> api -> api.get(userInA(activeInA) + "/mfa")));
        ops.add(op("DELETE " + users + "/{id}/mfa", "DELETE /companies/A/users/{active}/mfa", inA(204, USERS_MANAGE), () -> {
            String target = activeUser(companyA);
            return api -> api.delete(userInA(target) + "/mfa", Map.of());
        }));
        return ops;
    }

    /**
     * A's workspaces. Read-only cells look at the shared workspace W; the others get a fresh one with
     * the same rights (MEMBER holds READ, EXTERNAL holds ADMIN, see {@link #onWorkspace}).
     */
    List<Op> workspaceOperations() {
        String list = "/api/v1/companies/{companyId}/workspaces";
        String one = list + "/{workspaceId}";
        String invitations = one + "/invitations";
        List<Op> ops = new ArrayList<>();
        ops.add(op("GET " + list, "GET /companies/A/workspaces", inA(200), () -> api -> api.get(workspacesOfA())));
        ops.add(op("POST " + list, "POST /companies/A/workspaces", inA(201),
                () -> api -> api.post(workspacesOfA(), Map.of("name", Fixtures.unique("Workspace")))));
        ops.add(op("GET " + one, "GET /companies/A/workspaces/{W}", onWorkspace(200, false),
                () -> api -> api.get(workspace(workspaceW))));
        ops.add(op("GET " + one + "/members", "GET /companies/A/workspaces/{W}/members", onWorkspace(200, false),
                () -> api -> api.get(workspace(workspaceW) + "/members")));
        ops.add(op("GET " + one + "/members/{accountId}", "GET /companies/A/workspaces/{W}/members/{member}",
                onWorkspace(200, false), () -> api -> api.get(workspace(workspaceW) + "/members/" + memberAccountId)));
        ops.add(op("PUT " + one + "/members/{accountId}", "PUT /companies/A/workspaces/{fresh}/members/{active} READ",
                onWorkspace(201, true), () -> {
                    String fresh = workspaceWithRights();
                    return api -> api.put(workspace(fresh) + "/members/" + activeInA, Map.of("right", "READ"));
                }));
        ops.add(op("DELETE " + one + "/members/{accountId}", "DELETE /companies/A/workspaces/{fresh}/members/{writer}",
                onWorkspace(204, true), () -> {
                    String fresh = workspaceWithRights();
                    setRight(fresh, activeInA, "WRITE");
                    return api -> api.delete(workspace(fresh) + "/members/" + activeInA, Map.of());
                }));

        ops.add(op("PATCH " + one + "/members/{accountId}", "PATCH /companies/A/workspaces/{fresh}/members/{writer} endsAt",
                onWorkspace(200, true), () -> {
                    String fresh = workspaceWithRights();
                    setRight(fresh, activeInA, "WRITE");
                    String endsAt = java.time.Instant.now().plus(java.time.Duration.ofDays(30)).toString();
                    return api -> api.patch(workspace(fresh) + "/members/" + activeInA, Map.of("endsAt", endsAt), Map.of());
                }));

        ops.add(op("POST " + invitations, "POST /companies/A/workspaces/{fresh}/invitations", onWorkspace(201, true),
                () -> {
                    String fresh = workspaceWithRights();
                    return api -> api.post(workspace(fresh) + "/invitations", Map.of("email", guestEmail(), "right", "READ"));
                }));
        ops.add(op("GET " + invitations, "GET /companies/A/workspaces/{W}/invitations", onWorkspace(200, true),
                () -> api -> api.get(workspace(workspaceW) + "/invitations")));
        ops.add(op("GET " + invitations + "/{id}", "GET /companies/A/workspaces/{W}/invitations/{pending}",
                onWorkspace(200, true), () -> {
                    String invitation = invitation(workspaceW);
                    return api -> api.get(workspace(workspaceW) + "/invitations/" + invitation);
                }));
        ops.add(op("DELETE " + invitations + "/{id}", "DELETE /companies/A/workspaces/{fresh}/invitations/{pending}",
                onWorkspace(204, true), () -> {
                    String fresh = workspaceWithRights();
                    String invitation = invitation(fresh);
                    return api -> api.delete(workspace(fresh) + "/invitations/" + invitation, Map.of());
                }));
        ops.add(op("POST " + invitations + "/{id}/resend", "POST /companies/A/workspaces/{fresh}/invitations/{pending}/resend",
                onWorkspace(201, true), () -> {
                    String fresh = workspaceWithRights();
                    String invitation = invitation(fresh);
                    return api -> api.post(workspace(fresh) + "/invitations/" + invitation + "/resend", null);
                }));
        return ops;
    }

    /** What every signed-in person does with its own account: notifications, preferences, password, tokens. */
    List<Op> ownOperations() {
        List<Op> ops = new ArrayList<>();
        ops.add(op("GET /api/v1/me/notifications", "GET /me/notifications", signedIn(200),
                () -> api -> api.get("/api/v1/me/notifications")));
        ops.add(op("GET /api/v1/me/notifications/unread-count", "GET /me/notifications/unread-count", signedIn(200),
                () -> api -> api.get("/api/v1/me/notifications/unread-count")));
        ops.add(op("POST /api/v1/me/notifications/{id}/read", "POST /me/notifications/{another person's}/read",
                signedIn(404), () -> api -> api.post("/api/v1/me/notifications/" + Fixtures.unique("nope") + "/read", null)));
        ops.add(op("POST /api/v1/me/notifications/read-all", "POST /me/notifications/read-all", signedIn(204),
                () -> api -> api.post("/api/v1/me/notifications/read-all", null)));
        ops.add(op("GET /api/v1/me/preferences", "GET /me/preferences", signedIn(200),
                () -> api -> api.get("/api/v1/me/preferences")));
        ops.add(op("PUT /api/v1/me/preferences", "PUT /me/preferences (nothing changed)", signedIn(200),
                () -> api -> api.put("/api/v1/me/preferences", Map.of())));
        ops.add(opOf("PUT /api/v1/me/password", "PUT /me/password with a too short new one", signedIn(400),
                persona -> api -> api.put("/api/v1/me/password", Map.of("currentPassword", passwordOf(persona),
                        "newPassword", "short"))));
        // HTTP Basic is how a token is asked for; the anonymous cell sends none
        ops.add(opOf("POST /api/v1/tokens", "POST /tokens with one's own password", signedIn(201),
                persona -> persona == Persona.ANONYMOUS ? api -> api.post("/api/v1/tokens", null)
                        : api -> Api.at(port).basic(loginOf(persona), passwordOf(persona)).post("/api/v1/tokens", null)));
        ops.add(opOf("DELETE /api/v1/tokens/{id}", "DELETE /tokens/{own}", signedIn(204), persona -> {
            Persona owner = persona == Persona.ANONYMOUS ? Persona.OPERATOR : persona;
            String token = issueToken(loginOf(owner), passwordOf(owner));
            return api -> api.delete("/api/v1/tokens/" + token, Map.of());
        }));
        // someone else's token reads as unknown, except to the operator, who may revoke any
        ops.add(op("DELETE /api/v1/tokens/{id}", "DELETE /tokens/{another person's}",
                p -> p == Persona.ANONYMOUS ? 401 : p == Persona.OPERATOR ? 204 : 404, () -> {
                    Map<String, Object> person = createSignable(companyA, List.of("MEMBER"));
                    String token = issueToken((String) person.get("email"), PASSWORD);
                    return api -> api.delete("/api/v1/tokens/" + token, Map.of());
                }));
        ops.add(op("GET /api/v1/mail", "GET /mail", operatorOnly(200), () -> api -> api.get("/api/v1/mail")));
        // the second factor: nobody of the matrix has one; starting an enrolment enrols nothing
        ops.add(op("GET /api/v1/me/mfa", "GET /me/mfa", signedIn(200), () -> api -> api.get("/api/v1/me/mfa")));
        ops.add(op("POST /api/v1/me/mfa/totp", "POST /me/mfa/totp (started, not confirmed)", signedIn(201),
                () -> api -> api.post("/api/v1/me/mfa/totp", null)));
        ops.add(op("POST /api/v1/me/mfa/totp/confirm", "POST /me/mfa/totp/confirm with a wrong code", signedIn(400),
                () -> api -> {
                    api.post("/api/v1/me/mfa/totp", null);
                    return api.post("/api/v1/me/mfa/totp/confirm", Map.of("code", "000000"));
                }));
        ops.add(op("DELETE /api/v1/me/mfa/totp", "DELETE /me/mfa/totp with none enrolled", signedIn(404),
                () -> api -> api.delete("/api/v1/me/mfa/totp", Map.of())));
        ops.add(op("DELETE /api/v1/me/mfa/passkeys/{passkeyId}", "DELETE /me/mfa/passkeys/{unknown}", signedIn(404),
                () -> api -> api.delete("/api/v1/me/mfa/passkeys/" + Fixtures.unique("nope"), Map.of())));
        ops.add(op("POST /api/v1/me/mfa/recovery-codes", "POST /me/mfa/recovery-codes with none enrolled", signedIn(409),
                () -> api -> api.post("/api/v1/me/mfa/recovery-codes", null)));
        return ops;
    }

    Stream<Arguments> cells() {
        return operations().stream().flatMap(op -> Arrays.stream(Persona.values())
                .map(persona -> Arguments.argumentSet(cell(persona, op), persona, op)));
    }

    @DisplayName("matrix")
    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("cells")
    void matrix(Persona persona, Op op) {
        Call call = op.prepare().apply(persona);

        Api.Response response = call.send(as.get(persona));

        check(cell(persona, op), response, op.rule().expected(persona));
    }

    static String cell(Persona persona, Op op) {
        return cell(persona.name(), op.label(), op.rule().expected(persona));
    }

    @Test
    void the_matrix_covers_every_persona_and_every_operation() {
        assertThat(as).containsOnlyKeys(Persona.values());
        assertThat(cells()).hasSize(operations().size() * Persona.values().length);
        assertThat(operations()).extracting(Op::label).doesNotHaveDuplicates();
    }

    /**
     * Every handler under {@code /api}, as Spring maps it, is exercised by at least one operation of
     * the matrix: a new endpoint cannot ship without its row of answers per persona.
     */
    @Test
    void the_matrix_covers_every_api_handler() {
        Set<String> handlers = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (pattern.startsWith("/api/")) {
                        (methods.isEmpty() ? EnumSet.allOf(RequestMethod.class) : methods)
                                .forEach(method -> handlers.add(method + " " + pattern));
                    }
                }
            }
        }
        Set<String> declared = new TreeSet<>(operations().stream().map(Op::endpoint).toList());

        assertThat(handlers).as("the API's handlers were found").hasSizeGreaterThan(50);
        assertThat(declared).as("operations declaring a handler that does not exist").isSubsetOf(handlers);
        Set<String> uncovered = new TreeSet<>(handlers);
        uncovered.removeAll(declared);
        assertThat(uncovered).as("handlers under /api that no matrix operation exercises").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // Cross-tenant

    /** Every A endpoint that takes an id is a 404 to B's administrator, exactly as for a company that does not exist. */
    @TestFactory
    Stream<DynamicTest> b_administrator_gets_the_answer_of_a_nonexistent_company_on_every_a_endpoint() {
        String tokenOfActive = Fixtures.unique("token");
        String u = "/users/" + activeInA;
        Map<String, Function<String, Call>> endpoints = new java.util.LinkedHashMap<>();
        endpoints.put("GET /companies/A", c -> api -> api.get(c));
        endpoints.put("PUT /companies/A/licenses", c -> api -> api.put(c + "/licenses", Map.of("licensesPurchased", 5)));
        endpoints.put("GET /companies/A/users", c -> api -> api.get(c + "/users"));
        endpoints.put("GET /companies/A/settings", c -> api -> api.get(c + "/settings"));
        endpoints.put("PUT /companies/A/settings", c -> api -> api.put(c + "/settings", Map.of("seatWaitlist", true)));
        endpoints.put("GET /companies/A/waitlist", c -> api -> api.get(c + "/waitlist"));
        endpoints.put("POST /companies/A/users", c -> api -> api.post(c + "/users", Fixtures.validUser("DRAFT")));
        endpoints.put("GET /companies/A/users/{id}", c -> api -> api.get(c + u));
        endpoints.put("PATCH /companies/A/users/{id}", c -> api -> api.patch(c + u, Map.of("firstName", "B"), Map.of()));
        endpoints.put("DELETE /companies/A/users/{id}", c -> api -> api.delete(c + u, Map.of()));
        endpoints.put("POST /companies/A/users/{id}/activate", c -> api -> api.post(c + u + "/activate", null));
        endpoints.put("POST /companies/A/users/{id}/deactivate", c -> api -> api.post(c + u + "/deactivate", null));
        endpoints.put("GET /companies/A/users/{id}/roles", c -> api -> api.get(c + u + "/roles"));
        endpoints.put("POST /companies/A/users/{id}/roles", c -> api -> api.post(c + u + "/roles", Map.of("roleId", "MEMBER")));
        endpoints.put("DELETE /companies/A/users/{id}/roles/MEMBER", c -> api -> api.delete(c + u + "/roles/MEMBER", Map.of()));
        endpoints.put("GET /companies/A/roles", c -> api -> api.get(c + "/roles"));
        endpoints.put("POST /companies/A/roles", c -> api -> api.post(c + "/roles", Map.of("name", Fixtures.unique("R"), "permissions", List.of())));
        endpoints.put("DELETE /companies/A/roles/{custom}", c -> api -> api.delete(c + "/roles/" + Fixtures.unique("role"), Map.of()));
        endpoints.put("GET /companies/A/users/{id}/sign-in-lock", c -> api -> api.get(c + u + "/sign-in-lock"));
        endpoints.put("DELETE /companies/A/users/{id}/sign-in-lock", c -> api -> api.delete(c + u + "/sign-in-lock", Map.of()));
        endpoints.put("GET /companies/A/users/{id}/tokens", c -> api -> api.get(c + u + "/tokens"));
        endpoints.put("DELETE /companies/A/users/{id}/tokens/{tokenId}", c -> api -> api.delete(c + u + "/tokens/" + tokenOfActive, Map.of()));
        Api bAdmin = as.get(Persona.B_ADMINISTRATOR);
        return endpoints.entrySet().stream().map(e -> dynamicTest(cell("B_ADMINISTRATOR", e.getKey(), 404), () -> {
            Api.Response hidden = e.getValue().apply(a()).send(bAdmin);
            Api.Response nonexistent = e.getValue().apply("/api/v1/companies/" + Fixtures.unique("nope")).send(bAdmin);

            check(cell("B_ADMINISTRATOR", e.getKey(), 404), hidden, 404);
            assertThat(nonexistent.status()).isEqualTo(404);
            assertThat(hidden.text("type")).as("same problem as a nonexistent company").isEqualTo(nonexistent.text("type"));
            assertThat(hidden.text("title")).isEqualTo(nonexistent.text("title"));
        }));
    }

    /** A's path with the id of a user of B: 404 to whoever has standing in A, and B's user is untouched. */
    @TestFactory
    Stream<DynamicTest> a_path_with_a_user_of_b_is_a_404_and_changes_nothing() {
        String u = usersOf(companyA) + "/";
        Map<String, Function<String, Call>> endpoints = new java.util.LinkedHashMap<>();
        endpoints.put("GET /companies/A/users/{B-user}", id -> api -> api.get(u + id));
        endpoints.put("PATCH /companies/A/users/{B-user}", id -> api -> api.patch(u + id, Map.of("firstName", "Hijacked"), Map.of()));
        endpoints.put("DELETE /companies/A/users/{B-draft}", id -> api -> api.delete(u + draftInB, Map.of()));
        endpoints.put("POST /companies/A/users/{B-draft}/activate", id -> api -> api.post(u + draftInB + "/activate", null));
        endpoints.put("POST /companies/A/users/{B-user}/deactivate", id -> api -> api.post(u + id + "/deactivate", null));
        endpoints.put("GET /companies/A/users/{B-user}/roles", id -> api -> api.get(u + id + "/roles"));
        endpoints.put("POST /companies/A/users/{B-user}/roles", id -> api -> api.post(u + id + "/roles", Map.of("roleId", "MEMBER")));
        endpoints.put("DELETE /companies/A/users/{B-user}/roles/MEMBER", id -> api -> api.delete(u + id + "/roles/MEMBER", Map.of()));
        endpoints.put("GET /companies/A/users/{B-user}/sign-in-lock", id -> api -> api.get(u + id + "/sign-in-lock"));
        endpoints.put("DELETE /companies/A/users/{B-user}/sign-in-lock", id -> api -> api.delete(u + id + "/sign-in-lock", Map.of()));
        endpoints.put("GET /companies/A/users/{B-user}/tokens", id -> api -> api.get(u + id + "/tokens"));
        List<DynamicTest> tests = new ArrayList<>();
        for (Persona persona : List.of(Persona.ADMINISTRATOR, Persona.PARTNER_ADMIN)) {
            endpoints.forEach((label, call) -> tests.add(dynamicTest(cell(persona.name(), label, 404),
                    () -> check(cell(persona.name(), label, 404), call.apply(activeInB).send(as.get(persona)), 404))));
        }
        // the partner's staff belong to the partner, not to A: A's administrator cannot reach them either.
        // A partner administrator of its own: the persona may hold a right on a workspace of A it
        // created in a matrix cell, which rightly lists it in A's Users table as External.
        String otherStaffAdmin = created(operator.post(p() + "/members", staffBody("PARTNER_ADMIN")), "accountId");
        Map<String, Call> onStaff = new java.util.LinkedHashMap<>();
        onStaff.put("GET /companies/A/users/{partner admin}", api -> api.get(u + otherStaffAdmin));
        onStaff.put("POST /companies/A/users/{partner admin}/deactivate", api -> api.post(u + otherStaffAdmin + "/deactivate", null));
        onStaff.put("DELETE /companies/A/users/{partner admin}", api -> api.delete(u + otherStaffAdmin, Map.of()));
        onStaff.put("POST /companies/A/users/{partner admin}/roles", api -> api.post(u + otherStaffAdmin + "/roles", Map.of("roleId", "MEMBER")));
        onStaff.put("GET /companies/A/users/{partner admin}/tokens", api -> api.get(u + otherStaffAdmin + "/tokens"));
        onStaff.forEach((label, call) -> tests.add(dynamicTest(cell("ADMINISTRATOR", label, 404),
                () -> check(cell("ADMINISTRATOR", label, 404), call.send(as.get(Persona.ADMINISTRATOR)), 404))));
        tests.add(dynamicTest("B's users are untouched afterwards", () -> {
            var user = operator.get(usersOf(companyB) + "/" + activeInB);
            assertThat(user.status()).isEqualTo(200);
            assertThat(user.text("status")).isEqualTo("ACTIVE");
            assertThat(user.text("firstName")).isNotEqualTo("Hijacked");
            assertThat(user.json().get("roles").size()).isZero();
            assertThat(operator.get(usersOf(companyA) + "/" + activeInB).status()).isEqualTo(404);
            var draft = operator.get(usersOf(companyB) + "/" + draftInB);
            assertThat(draft.status()).isEqualTo(200);
            assertThat(draft.text("status")).isEqualTo("DRAFT");
            assertThat(as.get(Persona.PARTNER_ADMIN).get("/api/v1/me").status()).as("the partner admin still signs in").isEqualTo(200);
        }));
        return tests.stream();
    }

    /**
     * The operator may do everything, so it can give a person of B a role in A (which makes the
     * person an external user of A) — unlike anyone without standing over B's people.
     */
    @Test
    void the_operator_can_give_a_user_of_b_a_role_in_a() {
        String userOfB = activeUser(companyB);

        var granted = operator.post(userInA(userOfB) + "/roles", Map.of("roleId", "MEMBER"));

        check(cell("OPERATOR", "POST /companies/A/users/{B-user}/roles MEMBER", 201), granted, 201);
        var row = operator.get(userInA(userOfB));
        assertThat(row.status()).as(row.toString()).isEqualTo(200);
        assertThat(row.json().get("external").asBoolean()).isTrue();
    }

    /** A token narrowed to A (POST /api/v1/tokens?companyId=A) reaches A only: B and the partner space are 404. */
    @TestFactory
    Stream<DynamicTest> a_token_narrowed_to_a_reaches_nothing_else() {
        Map<String, Call> outside = new java.util.LinkedHashMap<>();
        outside.put("GET /companies/B", api -> api.get("/api/v1/companies/" + companyB));
        outside.put("GET /companies/B/users", api -> api.get(usersOf(companyB)));
        outside.put("GET /partners/P", api -> api.get(p()));
        outside.put("GET /partners/P/companies", api -> api.get(p() + "/companies"));
        outside.put("GET /partners/P/users", api -> api.get(p() + "/users"));
        outside.put("POST /companies with partnerId P", api -> api.post("/api/v1/companies", companyBody(partnerP)));
        List<DynamicTest> tests = new ArrayList<>();
        for (Persona persona : List.of(Persona.OPERATOR, Persona.PARTNER_ADMIN, Persona.EXTERNAL, Persona.ADMINISTRATOR)) {
            String who = persona.name() + " (token narrowed to A)";
            Supplier<Api> narrowed = () -> narrowedToA(persona);
            tests.add(dynamicTest(cell(who, "GET /companies/A", 200),
                    () -> check(cell(who, "GET /companies/A", 200), narrowed.get().get(a()), 200)));
            outside.forEach((label, call) -> tests.add(dynamicTest(cell(who, label, 404),
                    () -> check(cell(who, label, 404), call.send(narrowed.get()), 404))));
        }
        for (Persona persona : List.of(Persona.ADMINISTRATOR, Persona.PARTNER_ADMIN)) {
            String label = "POST /tokens?companyId=B";
            tests.add(dynamicTest(cell(persona.name(), label, 404), () -> check(cell(persona.name(), label, 404),
                    Api.at(port).basic(logins.get(persona), PASSWORD).post("/api/v1/tokens?companyId=" + companyB, null), 404)));
        }
        return tests.stream();
    }

    @Test
    void a_partner_or_company_without_standing_answers_like_one_that_does_not_exist() {
        Api admin = as.get(Persona.ADMINISTRATOR);

        var hiddenPartner = admin.get(p());
        var noPartner = admin.get("/api/v1/partners/" + Fixtures.unique("nope"));
        var hiddenCompany = as.get(Persona.PARTNER_ADMIN).get("/api/v1/companies/" + companyB);
        var noCompany = as.get(Persona.PARTNER_ADMIN).get("/api/v1/companies/" + Fixtures.unique("nope"));

        assertThat(hiddenPartner.status()).as(hiddenPartner.toString()).isEqualTo(404);
        assertThat(noPartner.status()).isEqualTo(404);
        assertThat(hiddenPartner.text("type")).isEqualTo(noPartner.text("type")).isEqualTo("/problems/not-found");
        assertThat(hiddenCompany.status()).as(hiddenCompany.toString()).isEqualTo(404);
        assertThat(noCompany.status()).isEqualTo(404);
        assertThat(hiddenCompany.text("type")).isEqualTo(noCompany.text("type")).isEqualTo("/problems/not-found");
    }

    /** Another partner's space, members and companies are 404 to P's people, and the other way round. */
    @TestFactory
    Stream<DynamicTest> partner_spaces_do_not_see_each_other() {
        String partnerQ = fixtures.partner();
        String companyOfQ = fixtures.companyOf(partnerQ, 5);
        Map<String, Object> qAdminBody = Fixtures.with(staffBody("PARTNER_ADMIN"), "password", PASSWORD);
        String qAdmin = created(operator.post("/api/v1/partners/" + partnerQ + "/members", qAdminBody), "accountId");
        Api asQAdmin = Api.at(port).signIn((String) qAdminBody.get("email"), PASSWORD);
        String q = "/api/v1/partners/" + partnerQ;
        Api pAdmin = as.get(Persona.PARTNER_ADMIN);
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, Call> byPAdmin = new java.util.LinkedHashMap<>();
        byPAdmin.put("GET /partners/Q", api -> api.get(q));
        byPAdmin.put("GET /partners/Q/members", api -> api.get(q + "/members"));
        byPAdmin.put("POST /partners/Q/members", api -> api.post(q + "/members", staffBody("PARTNER_ADMIN")));
        byPAdmin.put("GET /partners/P/members/{Q-admin}", api -> api.get(p() + "/members/" + qAdmin));
        byPAdmin.put("DELETE /partners/P/members/{Q-admin}", api -> api.delete(p() + "/members/" + qAdmin, Map.of()));
        byPAdmin.put("DELETE /partners/Q/members/{Q-admin}", api -> api.delete(q + "/members/" + qAdmin, Map.of()));
        byPAdmin.put("DELETE /partners/P/members/{A-administrator}", api -> api.delete(p() + "/members/" + accountIdOf(Persona.ADMINISTRATOR), Map.of()));
        byPAdmin.put("GET /companies/{company of Q}", api -> api.get("/api/v1/companies/" + companyOfQ));
        byPAdmin.put("GET /companies/{company of Q}/users", api -> api.get(usersOf(companyOfQ)));
        byPAdmin.put("POST /companies with partnerId Q", api -> api.post("/api/v1/companies", companyBody(partnerQ)));
        byPAdmin.forEach((label, call) -> tests.add(dynamicTest(cell("PARTNER_ADMIN", label, 404),
                () -> check(cell("PARTNER_ADMIN", label, 404), call.send(pAdmin), 404))));
        Map<String, Call> byQAdmin = new java.util.LinkedHashMap<>();
        byQAdmin.put("GET /partners/P", api -> api.get(p()));
        byQAdmin.put("GET /partners/P/users", api -> api.get(p() + "/users"));
        byQAdmin.put("GET /companies/A", api -> api.get(a()));
        byQAdmin.put("GET /companies/A/users", api -> api.get(usersOf(companyA)));
        byQAdmin.forEach((label, call) -> tests.add(dynamicTest(cell("Q_PARTNER_ADMIN", label, 404),
                () -> check(cell("Q_PARTNER_ADMIN", label, 404), call.send(asQAdmin), 404))));
        tests.add(dynamicTest("Q's admin is still a member of Q", () -> {
            var member = operator.get(q + "/members/" + qAdmin);
            assertThat(member.status()).as(member.toString()).isEqualTo(200);
            assertThat(asQAdmin.get(q).status()).isEqualTo(200);
        }));
        return tests.stream();
    }

    /** Filtering the partner's users by a company it does not hold answers like an unknown company. */
    @Test
    void the_partner_users_filter_does_not_tell_a_foreign_company_from_a_nonexistent_one() {
        Api pAdmin = as.get(Persona.PARTNER_ADMIN);

        var foreign = pAdmin.get(p() + "/users?companyId=" + companyB);
        var nonexistent = pAdmin.get(p() + "/users?companyId=" + Fixtures.unique("nope"));

        assertThat(nonexistent.status()).as(nonexistent.toString()).isEqualTo(404);
        check(cell("PARTNER_ADMIN", "GET /partners/P/users?companyId=B", 404), foreign, 404);
        assertThat(foreign.text("type")).isEqualTo(nonexistent.text("type"));
    }

    // ---------------------------------------------------------------------------------------------
    // Privilege escalation

    @Test
    void a_user_manager_cannot_grant_administrator_but_can_grant_member() {
        Api userManager = as.get(Persona.USER_MANAGER);
        String target = activeUser(companyA);

        var administrator = userManager.post(userInA(target) + "/roles", Map.of("roleId", "ADMINISTRATOR"));
        var billing = userManager.post(userInA(target) + "/roles", Map.of("roleId", "BILLING_MANAGER"));
        var member = userManager.post(userInA(target) + "/roles", Map.of("roleId", "MEMBER"));

        assertThat(administrator.status()).as(administrator.toString()).isEqualTo(403);
        assertThat(administrator.header("Content-Type")).startsWith("application/problem+json");
        assertThat(billing.status()).as(billing.toString()).isEqualTo(403);
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        assertThat(rolesOf(target)).containsExactly("MEMBER");
    }

    @Test
    void a_user_manager_can_neither_create_an_administrator_nor_remove_one() {
        Api userManager = as.get(Persona.USER_MANAGER);
        Map<String, Object> body = Fixtures.with(Fixtures.validUser("ACTIVE"), "roles", List.of("ADMINISTRATOR"));
        String admin = activeUser(companyA, List.of("ADMINISTRATOR"));

        var created = userManager.post(usersOf(companyA), body);
        var removed = userManager.delete(userInA(admin) + "/roles/ADMINISTRATOR", Map.of());

        assertThat(created.status()).as(created.toString()).isEqualTo(403);
        var search = operator.get(usersOf(companyA) + "?q=" + body.get("userId"));
        assertThat(search.json().get("items").size()).as("nothing is saved: " + search).isZero();
        assertThat(removed.status()).as(removed.toString()).isEqualTo(403);
        assertThat(rolesOf(admin)).containsExactly("ADMINISTRATOR");
    }

    @Test
    void a_partner_user_manager_cannot_grant_administrator() {
        String target = activeUser(companyA);

        var refused = as.get(Persona.PARTNER_USER_MANAGER).post(userInA(target) + "/roles", Map.of("roleId", "ADMINISTRATOR"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(rolesOf(target)).isEmpty();
    }

    @Test
    void a_member_gets_403_on_the_users_table_never_the_data() {
        Api member = as.get(Persona.MEMBER);

        var list = member.get(usersOf(companyA));
        var row = member.get(userInA(activeInA));

        assertThat(list.status()).as(list.toString()).isEqualTo(403);
        assertThat(list.header("Content-Type")).startsWith("application/problem+json");
        assertThat(list.text("type")).isEqualTo("/problems/forbidden");
        assertThat(list.json().get("items")).isNull();
        assertThat(row.status()).as(row.toString()).isEqualTo(403);
        assertThat(row.text("email")).isNull();
    }

    @Test
    void an_account_without_any_role_cannot_get_a_token() {
        Map<String, Object> user = Fixtures.with(Fixtures.validUser("ACTIVE"), "password", PASSWORD, "emailVerified", true);
        var created = fixtures.createUser(companyA, user);
        assertThat(created.text("status")).as(created.toString()).isEqualTo("ACTIVE");

        var refused = Api.at(port).basic((String) user.get("email"), PASSWORD).post("/api/v1/tokens", null);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text("type")).isEqualTo("/problems/no-role");
        assertThat(refused.text("token")).isNull();
    }

    @Test
    void a_partner_user_manager_manages_the_users_of_every_attached_company_and_no_other() {
        Api partnerUserManager = as.get(Persona.PARTNER_USER_MANAGER);

        for (String company : List.of(companyA, companyA2)) {
            var draft = partnerUserManager.post(usersOf(company), Fixtures.validUser("DRAFT"));
            assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
            var activated = partnerUserManager.post(usersOf(company) + "/" + draft.text("id") + "/activate", null);
            assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
            assertThat(activated.text("status")).isEqualTo("ACTIVE");
            var member = partnerUserManager.post(usersOf(company), Fixtures.with(Fixtures.validUser("ACTIVE"), "roles", List.of("MEMBER")));
            assertThat(member.status()).as(member.toString()).isEqualTo(201);
            assertThat(member.text("status")).isEqualTo("ACTIVE");
            assertThat(partnerUserManager.get(usersOf(company)).status()).isEqualTo(200);
        }
        var inB = partnerUserManager.post(usersOf(companyB), Fixtures.validUser("DRAFT"));
        assertThat(inB.status()).as(inB.toString()).isEqualTo(404);
        assertThat(partnerUserManager.get(usersOf(companyB)).status()).isEqualTo(404);
        assertThat(partnerUserManager.post(usersOf(companyB) + "/" + draftInB + "/activate", null).status()).isEqualTo(404);
        assertThat(operator.get(usersOf(companyB) + "/" + draftInB).text("status")).isEqualTo("DRAFT");
    }

    // ---------------------------------------------------------------------------------------------
    // Support

    static String cell(String who, String label, int expected) {
        return who + " " + label + " -> " + expected;
    }

    /** Asserts a cell's exact status; a listed known bug is skipped while it still answers wrongly. */
    static void check(String cell, Api.Response response, int expected) {
        if (KNOWN_BUGS.contains(cell)) {
            if (response.status() == expected) {
                fail(cell + " is listed in KNOWN_BUGS but now answers as the rules say: remove it from the list");
            }
            Assumptions.abort("KNOWN BUG " + cell + ", got " + response);
        }
        assertThat(response.status()).as(cell + ", got " + response).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.header("Content-Type")).as(cell + ": a problem").startsWith("application/problem+json");
        }
    }

    static Op op(String endpoint, String label, Rule rule, Supplier<Call> prepare) {
        return new Op(endpoint, label, rule, persona -> prepare.get());
    }

    /** An operation whose preparation depends on who calls (e.g. its own password or token). */
    static Op opOf(String endpoint, String label, Rule rule, Function<Persona, Call> prepare) {
        return new Op(endpoint, label, rule, prepare);
    }

    Op grant(String roleId, Rule rule) {
        return op("POST /api/v1/companies/{companyId}/users/{id}/roles", "POST /companies/A/users/{active}/roles " + roleId,
                rule, () -> {
            String target = activeUser(companyA);
            return api -> api.post(userInA(target) + "/roles", Map.of("roleId", roleId));
        });
    }

    Op revoke(String roleId, Rule rule) {
        return op("DELETE /api/v1/companies/{companyId}/users/{id}/roles/{roleId}",
                "DELETE /companies/A/users/{holder}/roles/" + roleId, rule, () -> {
            String target = activeUser(companyA, List.of(roleId));
            return api -> api.delete(userInA(target) + "/roles/" + roleId, Map.of());
        });
    }

    /** Makes the external persona: MEMBER in A for a person of B, given by the operator. */
    private void giveMemberInA(String userOfB) {
        var granted = operator.post(userInA(userOfB) + "/roles", Map.of("roleId", "MEMBER"));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
    }

    private String workspacesOfA() {
        return a() + "/workspaces";
    }

    private String workspace(String id) {
        return workspacesOfA() + "/" + id;
    }

    /** A workspace of A made by the operator, where MEMBER holds READ and EXTERNAL holds ADMIN. */
    private String workspaceWithRights() {
        String id = created(operator.post(workspacesOfA(), Map.of("name", Fixtures.unique("Workspace"))), "id");
        setRight(id, memberAccountId, "READ");
        setRight(id, externalAccountId, "ADMIN");
        return id;
    }

    private void setRight(String workspaceId, String accountId, String right) {
        var set = operator.put(workspace(workspaceId) + "/members/" + accountId, Map.of("right", right));
        assertThat(set.status()).as(set.toString()).isIn(200, 201);
    }

    /** A pending invitation to the workspace, sent by the operator. */
    private String invitation(String workspaceId) {
        return created(operator.post(workspace(workspaceId) + "/invitations", Map.of("email", guestEmail(), "right", "READ")),
                "id");
    }

    private static String guestEmail() {
        return Fixtures.unique("guest").toLowerCase() + "@example.com";
    }

    private static String csvOfOneUser() {
        String handle = Fixtures.unique("csv").toLowerCase();
        return "userId,firstName,lastName,email\n" + handle + ",Ann,Lee," + handle + "@example.com\n";
    }

    private static String multipart(String csv) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"users.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + BOUNDARY + "--\r\n";
    }

    /** Issues an API token with HTTP Basic; returns its id. */
    private String issueToken(String login, String password) {
        return created(Api.at(port).basic(login, password).post("/api/v1/tokens", null), "id");
    }

    private String loginOf(Persona persona) {
        return persona == Persona.OPERATOR ? Operator.EMAIL : logins.get(persona);
    }

    private static String passwordOf(Persona persona) {
        return persona == Persona.OPERATOR ? Operator.PASSWORD : PASSWORD;
    }

    private String accountIdOf(Persona persona) {
        return as.get(persona).get("/api/v1/me").json().get("account").get("id").asString();
    }

    private String a() {
        return "/api/v1/companies/" + companyA;
    }

    private String p() {
        return "/api/v1/partners/" + partnerP;
    }

    private static String usersOf(String company) {
        return "/api/v1/companies/" + company + "/users";
    }

    private String userInA(String id) {
        return usersOf(companyA) + "/" + id;
    }

    private List<String> rolesOf(String userInA) {
        var roles = operator.get(userInA(userInA) + "/roles");
        assertThat(roles.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        roles.json().get("items").forEach(role -> ids.add(role.get("id").asString()));
        return ids;
    }

    private String activeUser(String company) {
        return activeUser(company, List.of());
    }

    private String activeUser(String company, List<String> roles) {
        var created = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("ACTIVE"), "roles", roles));
        assertThat(created.text("status")).as(created.toString()).isEqualTo("ACTIVE");
        return created.text("id");
    }

    private String draftUser(String company) {
        var created = fixtures.createUser(company, Fixtures.validUser("DRAFT"));
        assertThat(created.text("status")).as(created.toString()).isEqualTo("DRAFT");
        return created.text("id");
    }

    /** An ACTIVE user with a password and a verified email; returns the request body with its id. */
    private Map<String, Object> createSignable(String company, List<String> roles) {
        Map<String, Object> body = Fixtures.with(Fixtures.validUser("ACTIVE"), "password", PASSWORD,
                "emailVerified", true, "roles", roles);
        var created = fixtures.createUser(company, body);
        assertThat(created.text("status")).as(created.toString()).isEqualTo("ACTIVE");
        return Fixtures.with(body, "id", created.text("id"));
    }

    private void signInAs(Persona persona, Map<String, Object> user) {
        String login = (String) user.get("email");
        logins.put(persona, login);
        as.put(persona, Api.at(port).signIn(login, PASSWORD));
    }

    private String staff(Persona persona, String role) {
        Map<String, Object> body = Fixtures.with(staffBody(role), "password", PASSWORD);
        String accountId = created(operator.post(p() + "/members", body), "accountId");
        signInAs(persona, body);
        return accountId;
    }

    private static Map<String, Object> staffBody(String role) {
        String handle = Fixtures.unique("staff").toLowerCase();
        return Map.of("userId", handle, "firstName", "Paul", "lastName", "Partner", "email", handle + "@example.com",
                "emailVerified", true, "role", role);
    }

    private static Map<String, Object> companyBody(String partnerId) {
        Map<String, Object> body = Map.of("name", Fixtures.unique("Company"), "slug", Fixtures.unique("co"),
                "licensesPurchased", 1);
        return partnerId == null ? body : Fixtures.with(body, "partnerId", partnerId);
    }

    private Api narrowedToA(Persona persona) {
        var issued = Api.at(port).basic(loginOf(persona), passwordOf(persona)).post("/api/v1/tokens?companyId=" + companyA, null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return Api.at(port).bearer(issued.text("token"));
    }

    private static String created(Api.Response response, String field) {
        if (response.status() != 201) {
            throw new AssertionError("expected 201, got " + response);
        }
        return response.text(field);
    }
}
