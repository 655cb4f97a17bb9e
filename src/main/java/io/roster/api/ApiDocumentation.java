package io.roster.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's header. Its one server is "/", the document's own origin: by default the
 * document would name a server built from the request's Host header, which a client (or a cache in
 * front of Roster) could be made to repeat to others.
 */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI rosterOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Roster API").version("v1")
                        .description("User administration for B2B SaaS: companies, their Users table, roles,"
                                + " workspaces, partners, invitations, the audit log."))
                .servers(List.of(new Server().url("/").description("this Roster")));
    }
}
