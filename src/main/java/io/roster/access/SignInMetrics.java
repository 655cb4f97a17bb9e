package io.roster.access;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts sign-in attempts by outcome ({@code SUCCEEDED}, {@code WRONG_CREDENTIALS},
 * {@code THROTTLED}, {@code REFUSED_<reason>}: a small fixed set) and channel (CONSOLE, API).
 */
@Component
class SignInMetrics {

    private final MeterRegistry meters;

    SignInMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventListener
    void on(SignIn.SignInAttempted attempt) {
        meters.counter("roster.sign.ins", "outcome", attempt.outcome(), "channel", attempt.channel().name()).increment();
    }
}
