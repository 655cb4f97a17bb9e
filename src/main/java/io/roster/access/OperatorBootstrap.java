package io.roster.access;

import io.roster.shared.EmailAddress;
import io.roster.users.OperatorAccounts;
import org.slf4j.Logger;
import org.springframework.dao.DataAccessException;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the platform operator named by {@code ROSTER_BOOTSTRAP_ADMIN_EMAIL} and
 * {@code ROSTER_BOOTSTRAP_ADMIN_PASSWORD} at start, once: only while no operator exists. Without
 * them, the first visitor on the server itself creates it on the setup page ({@link PlatformSetup}).
 */
@Component
class OperatorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final OperatorAccounts operators;
    private final String email;
    private final String password;

    OperatorBootstrap(OperatorAccounts operators, AccessProperties properties) {
        this.operators = operators;
        this.email = properties.bootstrap().adminEmail();
        this.password = properties.bootstrap().adminPassword();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (operators.operatorExists()) {
            return;
        }
        if (email.isBlank() || password.isBlank()) {
            log.warn("No platform operator yet: open the console on this machine to create one, or set ROSTER_BOOTSTRAP_ADMIN_EMAIL and ROSTER_BOOTSTRAP_ADMIN_PASSWORD");
            return;
        }
        if (!EmailAddress.isValid(email)) {
            throw new IllegalStateException("ROSTER_BOOTSTRAP_ADMIN_EMAIL is not a valid email address");
        }
        try {
            operators.createOperator(new EmailAddress(email.trim()), password);
            log.info("Created the platform operator {}", email.trim());
        } catch (DataAccessException raced) {
            // several nodes starting together (or the setup page meanwhile): the first one created it
            if (!operators.operatorExists()) {
                throw raced;
            }
            log.info("The platform operator was created by another node");
        }
    }
}
