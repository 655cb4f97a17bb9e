package io.roster.webhooks;

/** An endpoint with its signing secret, returned once: at registration or at a rotation. */
public record RegisteredEndpoint(WebhookEndpoint endpoint, String secret) {

    /** Keeps the secret out of any log line that prints this by mistake. */
    @Override
    public String toString() {
        return "RegisteredEndpoint[" + endpoint + ", secret=(hidden)]";
    }
}
