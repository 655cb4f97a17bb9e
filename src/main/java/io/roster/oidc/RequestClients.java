package io.roster.oidc;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The registered clients (Spring's JDBC repository), each read at most once per request: a
 * refresh reads its client to authenticate it, then again to parse the authorization's row, and
 * each read is a statement and the client's JSON settings parsed. The client read is kept in the
 * request only, so the next request (on any node) reads it again: a client deleted or given a new
 * secret is refused at its next request as before. A save or a deletion in the request forgets
 * what was kept.
 */
final class RequestClients implements RegisteredClientRepository {

    private static final String KEPT = RequestClients.class.getName() + ".";

    private final RegisteredClientRepository clients;

    RequestClients(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    @Override
    public void save(RegisteredClient client) {
        clients.save(client);
        forgetAll();
    }

    /** Forgets the clients kept in this request: one was saved or deleted. */
    static void forgetAll() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            for (String name : request.getAttributeNames(RequestAttributes.SCOPE_REQUEST)) {
                if (name.startsWith(KEPT)) {
                    request.removeAttribute(name, RequestAttributes.SCOPE_REQUEST);
                }
            }
        }
    }

    @Override
    public RegisteredClient findById(String id) {
        RegisteredClient kept = kept("id." + id);
        return kept != null ? kept : keep(clients.findById(id));
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        RegisteredClient kept = kept("clientId." + clientId);
        return kept != null ? kept : keep(clients.findByClientId(clientId));
    }

    private static RegisteredClient kept(String key) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && request.getAttribute(KEPT + key, RequestAttributes.SCOPE_REQUEST)
                instanceof RegisteredClient client ? client : null;
    }

    private static RegisteredClient keep(RegisteredClient client) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (client != null && request != null) {
            request.setAttribute(KEPT + "id." + client.getId(), client, RequestAttributes.SCOPE_REQUEST);
            request.setAttribute(KEPT + "clientId." + client.getClientId(), client, RequestAttributes.SCOPE_REQUEST);
        }
        return client;
    }
}
