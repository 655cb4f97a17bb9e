package io.roster.oidc;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.roster.access.SignIn;
import io.roster.users.Accounts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import io.roster.access.SecondStepFirst;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security's authorization server, in its own filter chain ahead of the others, matching its
 * endpoints only (the discovery document names them). It has no sign-in form of its own: a person
 * not signed in is sent to the console's sign-in page, and the console's session (in the database,
 * shared by the nodes) is what the authorization endpoint sees, so someone already signed in is not
 * asked again. Clients, authorizations, consents and signing keys live in the database, so a code
 * issued by one node is redeemed on any other.
 */
@Configuration
class OidcServerConfig {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServer(HttpSecurity http, RegisteredClientRepository clients,
            SignInCompanies companies, ApplicationEventPublisher events, Accounts accounts, SignIn signIn,
            PersonClaims claims) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        RequestMatcher endpoints = server.getEndpointsMatcher();
        http.securityMatcher(endpoints)
                .with(server, as -> as
                        .clientAuthentication(clientAuthentication -> clientAuthentication.authenticationProviders(
                                providers -> providers.forEach(provider -> {
                                    if (provider instanceof ClientSecretAuthenticationProvider secrets) {
                                        secrets.setPasswordEncoder(ClientSecretHash.INSTANCE);
                                    }
                                })))
                        .oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(claims::userInfo))
                                // a client may register ES256 ID tokens (IdTokenSignature)
                                .providerConfigurationEndpoint(discovery -> discovery.providerConfigurationCustomizer(
                                        document -> document.idTokenSigningAlgorithms(algorithms -> {
                                            algorithms.clear();
                                            algorithms.addAll(IdTokenSignature.SUPPORTED);
                                        })))))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(endpoints))
                // the access token of the userinfo endpoint
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                // a console session owing its second factor proves it before any app signs it in
                .addFilterAfter(new SecondStepFirst(), SecurityContextHolderFilter.class)
                .addFilterAfter(new CompanyChoiceFilter(clients, companies, events, accounts, signIn),
                        SecondStepFirst.class)
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /**
     * Spring's JDBC repository, each client read once per request at most ({@link RequestClients}),
     * an unchanged row not parsed again ({@link ParsedClients}).
     */
    @Bean
    RegisteredClientRepository registeredClients(JdbcTemplate jdbc) {
        JdbcRegisteredClientRepository clients = new JdbcRegisteredClientRepository(jdbc);
        clients.setRegisteredClientRowMapper(
                new ParsedClients(new JdbcRegisteredClientRepository.JsonMapperRegisteredClientRowMapper()));
        return new RequestClients(clients);
    }

    /** Spring's JDBC store, without the read-back before each update ({@link StoredAuthorizations}). */
    @Bean
    OAuth2AuthorizationService authorizations(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new StoredAuthorizations(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService consents(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    /**
     * Signs with the newest key of the header's algorithm (RS256: the RSA key; ES256: the EC key, see
     * {@link AccessTokenSignature} and {@link IdTokenSignature}): {@link SigningKeys} offers the signing keys first, retired keys
     * after them (public only), and the encoder offers only keys of the header's kind and algorithm.
     */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
        encoder.setJwkSelector(candidates -> candidates.getFirst());
        return encoder;
    }

    /** Reads the access token the userinfo endpoint is called with: ES256 or RS256, whichever the setting was. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
        return NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithms(algorithms -> {
                    algorithms.add(SignatureAlgorithm.RS256);
                    algorithms.add(SignatureAlgorithm.ES256);
                })
                .build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(OidcProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        String issuer = properties.fixedIssuer();
        return (issuer == null ? settings : settings.issuer(issuer)).build();
    }
}
