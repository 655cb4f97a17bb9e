package io.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Browser;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import jakarta.servlet.Filter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pages a partner's staff open cost what they show, not what the partner has: the statements
 * one request sends to the database (counted on the request's own thread, through a counting
 * wrapper of the data source) are the same with a role in 3 companies as in 27 — the console's
 * home page (the side menu's 20 companies, the home page's list), the partner's Users page (a
 * page of rows of many companies, their access and rank checks, the company picker) and the
 * first page of an app sign-in's company chooser. Before, each grew by a few statements per
 * company or per row.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageStatementsIntegrationTests {

    static final String PASSWORD = "page-statements-password-1";

    @LocalServerPort
    int port;

    Api operator;
    Fixtures fixtures;
    String partnerId;
    String managerId;
    String managerAccount;
    String clientId;
    String tag;

    @BeforeAll
    void setUp() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        tag = UUID.randomUUID().toString().substring(0, 6);
        partnerId = fixtures.partner();
        managerId = Fixtures.unique("counted").toLowerCase();
        Api.Response member = operator.post("/api/v1/partners/" + partnerId + "/members", Map.of("userId", managerId,
                "firstName", "Pat", "lastName", "Ner", "email", managerId + "@partner.example", "password", PASSWORD,
                "emailVerified", true, "role", "PARTNER_USER_MANAGER"));
        assertThat(member.status()).as(member.body()).isEqualTo(201);
        managerAccount = member.text("accountId");
        Api.Response client = operator.post("/api/v1/oidc-clients", Map.of("name", Fixtures.unique("App"),
                "redirectUris", List.of("http://127.0.0.1:1/callback"), "confidential", true));
        assertThat(client.status()).as(client.body()).isEqualTo(201);
        clientId = client.text("clientId");
    }

    @Test
    void the_home_page_the_partner_users_page_and_the_chooser_send_as_many_statements_for_27_companies_as_for_3() {
        addCompanies(0, 3);
        Map<String, Integer> few = measure();
        addCompanies(3, 27);
        Map<String, Integer> many = measure();
        System.out.println("Statements per request, 3 companies: " + few + "; 27 companies: " + many);

        // a per-company or per-row read would add at least 24 statements (one per company added)
        few.forEach((page, count) -> assertThat(many.get(page)).as(page + ": " + few + " then " + many)
                .isLessThanOrEqualTo(count + 2));
        assertThat(many.get("home")).isLessThan(40);
        assertThat(many.get("partner users")).isLessThan(40);
        assertThat(many.get("chooser")).isLessThan(40);
    }

    /** Each page twice, the second counted: the first fills what the application keeps in memory. */
    private Map<String, Integer> measure() {
        Browser browser = new Browser(port);
        assertThat(browser.signIn(managerId, PASSWORD).status()).isEqualTo(302);
        String authorize = "/oauth2/authorize?response_type=code&client_id=" + enc(clientId) + "&redirect_uri="
                + enc("http://127.0.0.1:1/callback") + "&scope=openid&state=counted";
        String chooser = browser.get(authorize).location();
        assertThat(chooser).contains("/oauth2/choose-company");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("partner users", "/partners/" + partnerId + "/users");
        pages.put("chooser", chooser);
        Map<String, Integer> counts = new LinkedHashMap<>();
        pages.forEach((name, path) -> {
            assertThat(browser.get(path).status()).as(name).isEqualTo(200);
            String id = UUID.randomUUID().toString();
            Browser.Page page = browser.get(path + (path.contains("?") ? "&" : "?") + Counting.PARAMETER + "=" + id);
            assertThat(page.status()).as(name).isEqualTo(200);
            counts.put(name, Counting.COUNTS.get(id));
        });
        return counts;
    }

    /** Companies opened by the partner, each with two users, and a role for the partner's user manager. */
    private void addCompanies(int from, int to) {
        for (int i = from; i < to; i++) {
            Api.Response company = operator.post("/api/v1/companies", Map.of("name", "Counted " + tag + " "
                    + String.format("%02d", i), "slug", "counted-" + tag + "-" + i, "licensesPurchased", 5,
                    "partnerId", partnerId));
            assertThat(company.status()).as(company.body()).isEqualTo(201);
            String id = company.text("id");
            for (int u = 0; u < 2; u++) {
                assertThat(fixtures.createUser(id, Fixtures.with(Fixtures.validUser("ACTIVE"), "roles",
                        List.of(u == 0 ? "ADMINISTRATOR" : "MEMBER"))).status()).isEqualTo(201);
            }
            assertThat(operator.post("/api/v1/companies/" + id + "/users/" + managerAccount + "/roles",
                    Map.of("roleId", "MEMBER")).status()).isEqualTo(201);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Counts the statements a request prepares on its own thread, for the requests that carry
     * {@link #PARAMETER} in their query: the data source is wrapped once built, and a filter in
     * front of every other one opens and closes the count.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {

        static final String PARAMETER = "statementCount";
        static final Map<String, Integer> COUNTS = new ConcurrentHashMap<>();
        private static final ThreadLocal<int[]> CURRENT = new ThreadLocal<>();

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new CountingPostProcessor();
        }

        @Bean
        Filter statementCountFilter() {
            return new CountFilter();
        }

        /** Wraps the data source after every other post-processor has set it up. */
        static final class CountingPostProcessor implements BeanPostProcessor, Ordered {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource source && !(bean instanceof CountingDataSource)
                        ? new CountingDataSource(source) : bean;
            }

            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE;
            }
        }

        static final class CountingDataSource extends DelegatingDataSource {
            CountingDataSource(DataSource target) {
                super(target);
            }

            @Override
            public Connection getConnection() throws SQLException {
                return counting(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return counting(super.getConnection(username, password));
            }

            private static Connection counting(Connection connection) {
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            String name = method.getName();
                            if (name.equals("equals")) {
                                return proxy == args[0];
                            }
                            if (name.equals("hashCode")) {
                                return System.identityHashCode(proxy);
                            }
                            int[] count = CURRENT.get();
                            if (count != null && (name.equals("prepareStatement") || name.equals("createStatement")
                                    || name.equals("prepareCall"))) {
                                count[0]++;
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException thrown) {
                                throw thrown.getCause();
                            }
                        });
            }
        }

        static final class CountFilter implements Filter, Ordered {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response,
                    jakarta.servlet.FilterChain chain) throws java.io.IOException, jakarta.servlet.ServletException {
                String query = request instanceof jakarta.servlet.http.HttpServletRequest http ? http.getQueryString() : null;
                String id = null;
                if (query != null) {
                    for (String pair : query.split("&")) {
                        if (pair.startsWith(PARAMETER + "=")) {
                            id = pair.substring(PARAMETER.length() + 1);
                        }
                    }
                }
                if (id == null) {
                    chain.doFilter(request, response);
                    return;
                }
                CURRENT.set(new int[1]);
                try {
                    chain.doFilter(request, response);
                } finally {
                    COUNTS.put(id, CURRENT.get()[0]);
                    CURRENT.remove();
                }
            }

            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }
        }
    }
}
