package io.roster.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the rules that depend on dates (end dates of rights and grants, review
 * periods). Code that decides "has this ended?" takes {@link Clock} from the context instead of
 * calling {@code Instant.now()}, so the tests can move time forward and see the end happen.
 */
@Configuration(proxyBeanMethods = false)
class Clocks {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
