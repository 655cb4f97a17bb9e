package io.roster.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the whole application over real HTTP on a random port, against the database of the
 * current pass (H2 or PostgreSQL). Every test makes its own tenants, so tests share one context;
 * the application's clock is a {@link TestClock} the tests may move (and put back).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "roster.bootstrap.admin-email=" + Operator.EMAIL,
        "roster.bootstrap.admin-password=" + Operator.PASSWORD,
        "server.address=127.0.0.1",
        // no balancer drains the test nodes: they close at once (GracefulShutdownIntegrationTests drains)
        "roster.shutdown.drain=0s",
        // Every test client comes from 127.0.0.1: growing delays and the per-address lockout would
        // couple unrelated tests. SignInThrottleIntegrationTests checks them with their own settings.
        "roster.sign-in.delay-unit=PT0S",
        "roster.sign-in.address-lock-after=100000"})
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestClockConfiguration.class)
public @interface IntegrationTest {
}
