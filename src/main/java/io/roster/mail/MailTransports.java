package io.roster.mail;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * SMTP when {@code spring.mail.host} is configured, every wait bounded by {@code roster.mail.timeout};
 * otherwise mails are written to the log (links included, as the default run has no other way to
 * deliver them) and stay readable in the operator's mail preview. In Spring AOT mode Boot's sender
 * is absent whatever the environment (its condition was decided at build time), so one is made
 * from {@code spring.mail.*} here.
 */
@Configuration
class MailTransports {

    private static final Logger log = LoggerFactory.getLogger(MailTransports.class);

    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSender> smtp, ObjectProvider<SslBundles> sslBundles,
            Environment environment, MailProperties properties) {
        String from = properties.mail().from();
        Duration timeout = properties.mail().timeout();
        JavaMailSender sender = smtp.getIfAvailable(() -> SmtpSenders.fromProperties(environment, sslBundles));
        if (sender == null) {
            log.info("No SMTP server configured (spring.mail.host): mails are logged and shown in the mail preview");
            return new LoggedMail();
        }
        if (sender instanceof JavaMailSenderImpl javaMail) {
            SmtpSenders.bound(javaMail, timeout);
        }
        return (recipient, subject, text, html) -> {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(recipient);
            helper.setSubject(subject);
            helper.setText(text, html);
            sender.send(message);
        };
    }
}
