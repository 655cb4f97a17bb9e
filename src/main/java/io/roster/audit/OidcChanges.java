package io.roster.audit;

import static io.roster.audit.AuditTrail.fields;

import io.roster.oidc.OidcEvents;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the OpenID Connect provider's events: every sign-in to an app and every refusal, in the
 * company's log (a refusal names no company when the person named none they stand in); client
 * registrations and key rotations as platform entries of the operator who made them. Never a secret.
 */
@Component
class OidcChanges {

    private final AuditTrail trail;

    OidcChanges(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(OidcEvents.SignedIn e) {
        trail.as(new Actors.Actor(e.accountId(), e.userId(), ActorKind.USER), e.companyId(), null, "oidc.sign_in",
                client(e.clientId()), null, fields("clientId", e.clientId(), "clientName", e.clientName()), null);
    }

    @EventListener
    void on(OidcEvents.Refused e) {
        trail.as(new Actors.Actor(e.accountId(), e.userId(), ActorKind.USER), e.companyId(), null, "oidc.refused",
                client(e.clientId()), null, fields("clientId", e.clientId(), "reason", e.reason()), null);
    }

    @EventListener
    void on(OidcEvents.ClientRegistered e) {
        platform("oidc_client.registered", e.clientId(), null, fields("name", e.name(), "redirectUris",
                String.join(" ", e.redirectUris()), "postLogoutRedirectUris", String.join(" ", e.postLogoutRedirectUris()),
                "confidential", e.confidential(), "idSignatureAlg", e.idTokenSignedResponseAlg()));
    }

    @EventListener
    void on(OidcEvents.ClientUpdated e) {
        platform("oidc_client.updated", e.clientId(),
                fields("name", e.previousName(), "redirectUris", String.join(" ", e.previousRedirectUris()),
                        "postLogoutRedirectUris", String.join(" ", e.previousPostLogoutRedirectUris()),
                        "idSignatureAlg", e.previousIdTokenSignedResponseAlg()),
                fields("name", e.name(), "redirectUris", String.join(" ", e.redirectUris()),
                        "postLogoutRedirectUris", String.join(" ", e.postLogoutRedirectUris()),
                        "idSignatureAlg", e.idTokenSignedResponseAlg()));
    }

    @EventListener
    void on(OidcEvents.ClientSecretRotated e) {
        platform("oidc_client.rotated", e.clientId(), null, null);
    }

    @EventListener
    void on(OidcEvents.ClientDeleted e) {
        platform("oidc_client.deleted", e.clientId(), fields("name", e.name()), null);
    }

    @EventListener
    void on(OidcEvents.SigningKeyRotated e) {
        trail.as(trail.actors().current(), null, null, "oidc.key_rotated", new AuditTrail.Target("oidc_key", e.keyId()),
                fields("keyIds", String.join(" ", e.retiredKeyIds())), fields("keyId", e.keyId(), "ecKeyId", e.ecKeyId()),
                null);
    }

    private void platform(String action, String clientId, Map<String, Object> before, Map<String, Object> after) {
        trail.as(trail.actors().current(), null, null, action, client(clientId), before, after, null);
    }

    private static AuditTrail.Target client(String clientId) {
        return new AuditTrail.Target("oidc_client", clientId);
    }
}
