package io.roster.oidc;

import io.roster.shared.FieldErrors;
import io.roster.shared.Ids;
import io.roster.shared.Problems;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The apps registered to sign people in, managed by the platform operator (the adapters authorize
 * with {@code Guard.requireOperator} first). Stored in Spring's {@code oauth2_registered_client}
 * shape, through its repository: a client's secret is kept as a SHA-256 hash ({@link ClientSecretHash})
 * and shown once. Redirect URIs are matched exactly by the authorization server, so they are
 * checked here to be absolute, without a fragment or a wildcard.
 */
@Service
public class OidcClients {

    private static final int MAX_URIS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RegisteredClientRepository repository;
    private final JdbcClient jdbc;
    private final OidcProperties properties;
    private final ApplicationEventPublisher events;

    OidcClients(RegisteredClientRepository repository, JdbcClient jdbc, OidcProperties properties,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
    }

    public List<OidcClient> list() {
        return jdbc.sql("SELECT client_id FROM oauth2_registered_client ORDER BY client_id_issued_at, client_id")
                .query(String.class).list().stream()
                .map(repository::findByClientId)
                .filter(java.util.Objects::nonNull)
                .map(OidcClients::view)
                .toList();
    }

    public OidcClient get(String clientId) {
        return view(find(clientId));
    }

    @Transactional
    public IssuedClient register(ClientRequest request, String byAccountId) {
        FieldErrors errors = new FieldErrors();
        String name = request.name() == null ? null : request.name().strip();
        errors.required("name", name).maxLength("name", name, 200);
        if (request.confidential() == null) {
            errors.add("confidential", "is required: true for a server-side app that keeps a secret, false for a"
                    + " browser or mobile app (which must then use PKCE)");
        }
        List<String> redirects = uris("redirectUris", request.redirectUris(), true, errors);
        List<String> logouts = uris("postLogoutRedirectUris", request.postLogoutRedirectUris(), false, errors);
        SignatureAlgorithm idTokenAlgorithm = idTokenAlgorithm(request.idTokenSignedResponseAlg(), errors);
        errors.throwIfAny();
        boolean confidential = request.confidential();
        String secret = confidential ? newSecret() : null;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        RegisteredClient.Builder client = RegisteredClient.withId(Ids.newId())
                .clientId(Ids.newId())
                .clientIdIssuedAt(now)
                .clientName(name)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(set -> set.addAll(redirects))
                .postLogoutRedirectUris(set -> set.addAll(logouts))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                // first-party apps of the product: no consent screen; PKCE forced for public clients
                .clientSettings(ClientSettings.builder().requireProofKey(!confidential)
                        .requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.accessTokenLifetime())
                        .refreshTokenTimeToLive(properties.refreshTokenLifetime())
                        .authorizationCodeTimeToLive(properties.codeLifetime())
                        .reuseRefreshTokens(false)
                        .idTokenSignatureAlgorithm(idTokenAlgorithm)
                        .build());
        if (confidential) {
            client.clientSecret(ClientSecretHash.INSTANCE.encode(secret))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        } else {
            client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        RegisteredClient saved = client.build();
        repository.save(saved);
        OidcClient view = view(saved);
        events.publishEvent(new OidcEvents.ClientRegistered(view.clientId(), view.name(), view.redirectUris(),
                view.postLogoutRedirectUris(), confidential, view.idTokenSignedResponseAlg(), byAccountId));
        return new IssuedClient(view, secret);
    }

    /**
     * Changes the name, the URIs and the ID tokens' algorithm (the next token signed follows it);
     * whether a client is confidential cannot change (register a new one).
     */
    @Transactional
    public OidcClient update(String clientId, ClientRequest request, String byAccountId) {
        RegisteredClient current = find(clientId);
        OidcClient before = view(current);
        FieldErrors errors = new FieldErrors();
        String name = request.name() == null ? before.name() : request.name().strip();
        errors.required("name", name).maxLength("name", name, 200);
        if (request.confidential() != null && request.confidential() != before.confidential()) {
            errors.add("confidential", "cannot change: register a new client instead");
        }
        List<String> redirects = request.redirectUris() == null ? before.redirectUris()
                : uris("redirectUris", request.redirectUris(), true, errors);
        List<String> logouts = request.postLogoutRedirectUris() == null ? before.postLogoutRedirectUris()
                : uris("postLogoutRedirectUris", request.postLogoutRedirectUris(), false, errors);
        SignatureAlgorithm idTokenAlgorithm = request.idTokenSignedResponseAlg() == null
                ? IdTokenSignature.of(before.idTokenSignedResponseAlg())
                : idTokenAlgorithm(request.idTokenSignedResponseAlg(), errors);
        errors.throwIfAny();
        RegisteredClient changed = RegisteredClient.from(current)
                .clientName(name)
                .redirectUris(set -> {
                    set.clear();
                    set.addAll(redirects);
                })
                .postLogoutRedirectUris(set -> {
                    set.clear();
                    set.addAll(logouts);
                })
                .tokenSettings(TokenSettings.withSettings(current.getTokenSettings().getSettings())
                        .idTokenSignatureAlgorithm(idTokenAlgorithm).build())
                .build();
        repository.save(changed);
        OidcClient after = view(changed);
        events.publishEvent(new OidcEvents.ClientUpdated(clientId, before.name(), before.redirectUris(),
                before.postLogoutRedirectUris(), before.idTokenSignedResponseAlg(), after.name(), after.redirectUris(),
                after.postLogoutRedirectUris(), after.idTokenSignedResponseAlg(), byAccountId));
        return after;
    }

    /** A new secret for a confidential client; the previous one stops working at once. */
    @Transactional
    public IssuedClient rotateSecret(String clientId, String byAccountId) {
        RegisteredClient current = find(clientId);
        if (current.getClientSecret() == null) {
            throw new Problems.Conflict("public-client", "A public client has no secret: it uses PKCE");
        }
        String secret = newSecret();
        RegisteredClient changed = RegisteredClient.from(current)
                .clientSecret(ClientSecretHash.INSTANCE.encode(secret)).build();
        repository.save(changed);
        events.publishEvent(new OidcEvents.ClientSecretRotated(clientId, byAccountId));
        return new IssuedClient(view(changed), secret);
    }

    /** Removes the client and every authorization it holds: its tokens stop working at once. */
    @Transactional
    public void delete(String clientId, String byAccountId) {
        RegisteredClient current = find(clientId);
        jdbc.sql("DELETE FROM oidc_sign_ins WHERE client_id = ?").param(clientId).update();
        jdbc.sql("DELETE FROM oauth2_authorization WHERE registered_client_id = ?").param(current.getId()).update();
        jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE registered_client_id = ?").param(current.getId())
                .update();
        jdbc.sql("DELETE FROM oauth2_registered_client WHERE id = ?").param(current.getId()).update();
        RequestClients.forgetAll();
        events.publishEvent(new OidcEvents.ClientDeleted(clientId, current.getClientName(), byAccountId));
    }

    private RegisteredClient find(String clientId) {
        RegisteredClient client = clientId == null ? null : repository.findByClientId(clientId);
        if (client == null) {
            throw new Problems.NotFound("No OpenID Connect client " + clientId).coded("NO_OIDC_CLIENT", clientId);
        }
        return client;
    }

    private static OidcClient view(RegisteredClient client) {
        return new OidcClient(client.getClientId(), client.getClientName(), List.copyOf(client.getRedirectUris()),
                List.copyOf(client.getPostLogoutRedirectUris()), client.getClientSecret() != null,
                client.getClientIdIssuedAt(), IdTokenSignature.name(client.getTokenSettings().getIdTokenSignatureAlgorithm()));
    }

    private static SignatureAlgorithm idTokenAlgorithm(String requested, FieldErrors errors) {
        SignatureAlgorithm algorithm = IdTokenSignature.of(requested);
        if (algorithm == null) {
            errors.add(IdTokenSignature.unsupported(requested));
        }
        return algorithm;
    }

    private static List<String> uris(String field, List<String> given, boolean required, FieldErrors errors) {
        List<String> uris = given == null ? List.of() : given;
        if (required && uris.isEmpty()) {
            errors.add(field, "needs at least one URI");
        }
        if (uris.size() > MAX_URIS) {
            errors.add(field, "holds at most " + MAX_URIS + " URIs");
        }
        LinkedHashSet<String> checked = new LinkedHashSet<>();
        for (String uri : uris) {
            String problem = problemOf(uri);
            if (problem != null) {
                errors.add(field, "'" + (uri == null ? "" : uri) + "' " + problem);
            } else {
                checked.add(uri);
            }
        }
        return new ArrayList<>(checked);
    }

    /** Why a redirect URI is refused, or null: absolute, http(s), a host, no fragment, no wildcard. */
    private static String problemOf(String uri) {
        if (uri == null || uri.isBlank() || uri.length() > 1000) {
            return "must be an absolute URI of at most 1000 characters";
        }
        if (uri.contains("*") || uri.contains(",") || !uri.strip().equals(uri)) {
            return "must be one exact URI (no wildcard, comma or spaces)";
        }
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || parsed.getHost() == null) {
                return "must be an absolute http:// or https:// URI with a host";
            }
            if (parsed.getFragment() != null) {
                return "must not have a fragment (#)";
            }
        } catch (URISyntaxException e) {
            return "is not a valid URI";
        }
        return null;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
