package io.roster.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduled outbox dispatcher. */
@Configuration
@EnableScheduling
class MailScheduling {
}
