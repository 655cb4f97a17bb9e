package io.roster.webhooks;

import io.roster.shared.SealedSecrets;
import io.roster.shared.Settings;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the webhooks module, {@code roster.webhooks.*}.
 *
 * @param allowPrivateNetworks accept URLs resolving to loopback, private or link-local addresses
 *        ({@code ROSTER_WEBHOOKS_ALLOW_PRIVATE_NETWORKS}); off in production, so a tenant cannot make
 *        the server call into its own network
 * @param connectTimeout bounds the connection to a receiver ({@code ROSTER_WEBHOOKS_CONNECT_TIMEOUT})
 * @param readTimeout bounds the wait for the receiver's answer ({@code ROSTER_WEBHOOKS_READ_TIMEOUT})
 * @param pollInterval how often the dispatcher looks for due deliveries (read by its {@code @Scheduled})
 * @param retryDelays the waits before each new attempt; past the list the last one repeats
 * @param retryFor how long a delivery is retried after its event before it is marked FAILED
 * @param secretOverlap how long the previous secret still signs after a rotation
 * @param logRetention how long DELIVERED and FAILED deliveries stay in the delivery log
 * @param disableAfter how long an endpoint may only fail (no delivery succeeding since its first
 *        failed attempt) before it is disabled and its owners are mailed
 *        ({@code ROSTER_WEBHOOKS_DISABLE_AFTER})
 * @param secretKey the AES key (base64 of 32 bytes) sealing the signing secrets at rest
 *        ({@code ROSTER_WEBHOOKS_SECRET_KEY}); empty: a development key, with a warning at start
 */
@ConfigurationProperties("roster.webhooks")
record WebhookProperties(@DefaultValue("false") boolean allowPrivateNetworks,
        @DefaultValue("PT5S") Duration connectTimeout, @DefaultValue("PT10S") Duration readTimeout,
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue({"PT5S", "PT30S", "PT2M", "PT10M", "PT30M", "PT1H", "PT2H", "PT4H"}) List<Duration> retryDelays,
        @DefaultValue("P1D") Duration retryFor, @DefaultValue("P1D") Duration secretOverlap,
        @DefaultValue("P30D") Duration logRetention, @DefaultValue("P3D") Duration disableAfter,
        @DefaultValue("") String secretKey) {

    WebhookProperties {
        Settings.positive(connectTimeout, "roster.webhooks.connect-timeout (ROSTER_WEBHOOKS_CONNECT_TIMEOUT)");
        Settings.positive(readTimeout, "roster.webhooks.read-timeout (ROSTER_WEBHOOKS_READ_TIMEOUT)");
        Settings.positive(pollInterval, "roster.webhooks.poll-interval");
        if (retryDelays == null || retryDelays.isEmpty()) {
            throw new IllegalArgumentException("roster.webhooks.retry-delays must list at least one duration, such as PT5S,PT1M");
        }
        retryDelays.forEach(delay -> Settings.notNegative(delay, "each of roster.webhooks.retry-delays"));
        retryDelays = List.copyOf(retryDelays);
        Settings.positive(retryFor, "roster.webhooks.retry-for");
        Settings.notNegative(secretOverlap, "roster.webhooks.secret-overlap");
        Settings.positive(logRetention, "roster.webhooks.log-retention");
        Settings.positive(disableAfter, "roster.webhooks.disable-after (ROSTER_WEBHOOKS_DISABLE_AFTER)");
        if (secretKey != null && !secretKey.isBlank()) {
            decodeKey(secretKey);
        }
    }

    /** The key's bytes; refuses, naming the setting but never echoing it, anything but 32 base64 bytes. */
    static byte[] decodeKey(String secretKey) {
        return SealedSecrets.decodeKey(secretKey, SigningSecretVault.SETTING);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "WebhookProperties[allowPrivateNetworks=" + allowPrivateNetworks + ", secretKey=(hidden)]";
    }
}
