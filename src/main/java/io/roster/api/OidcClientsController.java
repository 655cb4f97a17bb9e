package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.oidc.ClientRequest;
import io.roster.oidc.IssuedClient;
import io.roster.oidc.OidcClient;
import io.roster.oidc.OidcClients;
import io.roster.oidc.SigningKeys;
import io.roster.shared.Page;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The apps that sign people in through Roster (OpenID Connect clients) and the provider's signing
 * keys: the platform operator's alone. A client's secret is in the answer of its registration and of
 * a rotation only, never again.
 */
@RestController
class OidcClientsController {

    private static final String CLIENTS = "/api/v1/oidc-clients";

    private final Guard guard;
    private final OidcClients clients;
    private final SigningKeys keys;

    OidcClientsController(Guard guard, OidcClients clients, SigningKeys keys) {
        this.guard = guard;
        this.clients = clients;
        this.keys = keys;
    }

    /** A client with its secret, in the answer of a registration or a rotation only. */
    record ClientWithSecret(String clientId, String clientSecret, String name, List<String> redirectUris,
            List<String> postLogoutRedirectUris, boolean confidential, Instant createdAt,
            String idTokenSignedResponseAlg) {
        static ClientWithSecret of(IssuedClient issued) {
            OidcClient client = issued.client();
            return new ClientWithSecret(client.clientId(), issued.clientSecret(), client.name(), client.redirectUris(),
                    client.postLogoutRedirectUris(), client.confidential(), client.createdAt(),
                    client.idTokenSignedResponseAlg());
        }

        @Override
        public String toString() {
            return "ClientWithSecret[" + clientId + ", secret=(hidden)]";
        }
    }

    @GetMapping(CLIENTS)
    Page<OidcClient> list(@AuthenticationPrincipal Caller caller) {
        guard.requireOperator(caller);
        return new Page<>(clients.list(), null);
    }

    @PostMapping(CLIENTS)
    ResponseEntity<ClientWithSecret> register(@AuthenticationPrincipal Caller caller,
            @RequestBody(required = false) ClientRequest request) {
        guard.requireOperator(caller);
        IssuedClient issued = clients.register(request == null ? ClientRequest.empty() : request,
                caller.accountId());
        return ResponseEntity.created(URI.create(CLIENTS + "/" + issued.client().clientId()))
                .body(ClientWithSecret.of(issued));
    }

    @GetMapping(CLIENTS + "/{clientId}")
    OidcClient get(@AuthenticationPrincipal Caller caller, @PathVariable String clientId) {
        guard.requireOperator(caller);
        return clients.get(clientId);
    }

    @PatchMapping(CLIENTS + "/{clientId}")
    OidcClient update(@AuthenticationPrincipal Caller caller, @PathVariable String clientId,
            @RequestBody(required = false) ClientRequest request) {
        guard.requireOperator(caller);
        return clients.update(clientId, request == null ? ClientRequest.empty() : request,
                caller.accountId());
    }

    @DeleteMapping(CLIENTS + "/{clientId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable String clientId) {
        guard.requireOperator(caller);
        clients.delete(clientId, caller.accountId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(CLIENTS + "/{clientId}/rotate-secret")
    ClientWithSecret rotateSecret(@AuthenticationPrincipal Caller caller, @PathVariable String clientId) {
        guard.requireOperator(caller);
        return ClientWithSecret.of(clients.rotateSecret(clientId, caller.accountId()));
    }

    @PostMapping("/api/v1/oidc-keys/rotate")
    ResponseEntity<SigningKeys.Rotation> rotateKeys(@AuthenticationPrincipal Caller caller) {
        guard.requireOperator(caller);
        return ResponseEntity.status(HttpStatus.OK).body(keys.rotate(caller.accountId()));
    }
}
