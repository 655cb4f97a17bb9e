package io.roster.oidc;

/** A client with its secret, shown this once (registration or rotation); null for a public client. */
public record IssuedClient(OidcClient client, String clientSecret) {

    @Override
    public String toString() {
        return "IssuedClient[" + client.clientId() + ", secret=(hidden)]";
    }
}
