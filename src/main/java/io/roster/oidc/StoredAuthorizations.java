package io.roster.oidc;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Spring's JDBC store of authorizations, with one read less per code exchange and refresh. Spring's
 * {@code save} reads the row back by id (the whole row, its JSON parsed, its client read) only to
 * choose between an insert and an update; when this request has just read that authorization from
 * the table (the token endpoint found it by its code or refresh token), it is known to exist and
 * the update is chosen without reading it again. And what the request read and did not change is
 * written back as the JSON it was read from ({@link AuthorizationJson}). Everything else is
 * Spring's: the lookups, the row's shape and JSON, the statements. Nothing outlives the request.
 *
 * <p>If another node deleted the row in between (a revocation), the update changes nothing: the
 * authorization is not brought back, where a read would have found nothing and inserted it again.
 */
final class StoredAuthorizations extends JdbcOAuth2AuthorizationService {

    private static final String READ = StoredAuthorizations.class.getName() + ".read";

    /** The authorization being saved by this thread, answered by {@link #findById} during the save. */
    private final ThreadLocal<OAuth2Authorization> saving = new ThreadLocal<>();

    StoredAuthorizations(JdbcOperations jdbc, RegisteredClientRepository clients) {
        super(jdbc, clients);
        // Spring's row mappings, with one JSON mapper that writes unchanged what it read (AuthorizationJson)
        AuthorizationJson json = new AuthorizationJson();
        setAuthorizationRowMapper(new JsonMapperOAuth2AuthorizationRowMapper(clients, json));
        setAuthorizationParametersMapper(new JsonMapperOAuth2AuthorizationParametersMapper(json));
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return read(super.findByToken(token, tokenType));
    }

    @Override
    public OAuth2Authorization findById(String id) {
        OAuth2Authorization being = saving.get();
        if (being != null && being.getId().equals(id)) {
            return being;
        }
        return read(super.findById(id));
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        if (!readInThisRequest(authorization.getId())) {
            super.save(authorization);
            return;
        }
        saving.set(authorization);
        try {
            super.save(authorization);
        } finally {
            saving.remove();
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        super.remove(authorization);
        removed(authorization.getId());
    }

    /** An authorization deleted in this request by a statement of this module: it exists no longer. */
    static void removed(String id) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && id.equals(request.getAttribute(READ, RequestAttributes.SCOPE_REQUEST))) {
            request.removeAttribute(READ, RequestAttributes.SCOPE_REQUEST);
        }
    }

    private static OAuth2Authorization read(OAuth2Authorization found) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (found != null && request != null) {
            request.setAttribute(READ, found.getId(), RequestAttributes.SCOPE_REQUEST);
        }
        return found;
    }

    private static boolean readInThisRequest(String id) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && id.equals(request.getAttribute(READ, RequestAttributes.SCOPE_REQUEST));
    }
}
