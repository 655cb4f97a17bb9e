package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** docs/rules.md §14: the OpenAPI document, its UI and the health endpoint answer without signing in. */
@IntegrationTest
class OpenApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableListableBeanFactory beans;

    @Autowired
    ApiDocsAtFirstUse.Deferred deferred;

    @Test
    void the_openapi_document_is_json_and_describes_the_users_table() {
        var docs = Api.at(port).get("/v3/api-docs");

        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(docs.header("Content-Type")).startsWith("application/json");
        JsonNode document = docs.json();
        assertThat(document.get("openapi").asString()).startsWith("3.");
        JsonNode users = document.get("paths").get("/api/v1/companies/{companyId}/users");
        assertThat(users).as("paths of " + document.get("paths").propertyNames()).isNotNull();
        assertThat(users.propertyNames()).contains("get", "post");
        assertThat(document.get("paths").get("/api/v1/companies/{companyId}/users/{id}").propertyNames())
                .contains("get", "patch", "delete");
        assertThat(document.get("paths").get("/api/v1/tokens").propertyNames()).contains("post");
    }

    @Test
    void the_document_is_made_at_its_first_request_by_the_beans_left_out_of_the_start() {
        assertThat(deferred.names()).contains("openApiResource", "modelConverterRegistrar");
        assertThat(beans.getBeanDefinition("openApiResource").isLazyInit()).isTrue();

        var docs = Api.at(port).get("/v3/api-docs");

        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        for (String name : deferred.names()) {
            if (beans.getMergedBeanDefinition(name).isSingleton()) {
                assertThat(beans.containsSingleton(name)).as(name).isTrue();
            }
        }
    }

    @Test
    void the_swagger_ui_page_answers_200_after_its_redirects() throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/swagger-ui.html"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).as(page.uri() + " " + page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).containsIgnoringCase("swagger-ui");
    }

    @Test
    void health_is_up_without_signing_in() {
        var health = Api.at(port).get("/actuator/health");

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
    }

    @Test
    void other_actuator_endpoints_are_not_open() {
        var env = Api.at(port).get("/actuator/env");
        var beans = Api.at(port).get("/actuator/beans");

        assertThat(env.status()).as(env.toString()).isIn(401, 403, 404);
        assertThat(env.body()).doesNotContain("propertySources");
        assertThat(beans.status()).as(beans.toString()).isIn(401, 403, 404);
    }
}
