package io.roster.operations;

import io.roster.shared.Settings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param drain {@code roster.shutdown.drain} ({@code ROSTER_SHUTDOWN_DRAIN}): how long a node keeps
 *        serving, not ready, at SIGTERM ({@link ShutdownDrain}); 0s stops at once
 */
@ConfigurationProperties("roster.shutdown")
record ShutdownProperties(@DefaultValue("PT2S") Duration drain) {

    ShutdownProperties {
        Settings.notNegative(drain, "roster.shutdown.drain (ROSTER_SHUTDOWN_DRAIN)");
    }
}
