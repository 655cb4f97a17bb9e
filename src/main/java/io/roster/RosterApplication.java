package io.roster;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Roster: user administration for B2B SaaS companies and their partners. */
@SpringBootApplication
// every module's settings are records beside the code that reads them, bound and checked at start
@ConfigurationPropertiesScan
public class RosterApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(RosterApplication.class);
        LeanStart.apply(application);
        application.run(args);
    }
}
