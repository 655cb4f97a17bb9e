package io.roster.mail;

import java.time.Duration;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * The SMTP sender made from {@code spring.mail.*} when Spring Boot's own is missing: in Spring AOT
 * mode ({@code -Dspring.aot.enabled=true}) the condition on {@code spring.mail.host} was decided
 * when the jar was built, without a mail server, so {@code SPRING_MAIL_HOST} set at start would
 * otherwise be ignored. Applies the properties as Boot's {@code MailSenderPropertiesConfiguration}.
 */
final class SmtpSenders {

    private SmtpSenders() {
    }

    /** The sender for {@code spring.mail.*}, or {@code null} when no host is configured. */
    static JavaMailSenderImpl fromProperties(Environment environment, ObjectProvider<SslBundles> sslBundles) {
        MailProperties mail = Binder.get(environment).bind("spring.mail", MailProperties.class).orElse(null);
        if (mail == null || !StringUtils.hasText(mail.getHost())) {
            return null;
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.getHost());
        if (mail.getPort() != null) {
            sender.setPort(mail.getPort());
        }
        sender.setUsername(mail.getUsername());
        sender.setPassword(mail.getPassword());
        sender.setProtocol(mail.getProtocol());
        if (mail.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(mail.getDefaultEncoding().name());
        }
        Properties javaMail = new Properties();
        javaMail.putAll(mail.getProperties());
        String protocol = StringUtils.hasLength(mail.getProtocol()) ? mail.getProtocol() : "smtp";
        MailProperties.Ssl ssl = mail.getSsl();
        if (ssl.isEnabled()) {
            javaMail.setProperty("mail." + protocol + ".ssl.enable", "true");
        }
        if (StringUtils.hasLength(ssl.getBundle())) {
            SslBundles bundles = sslBundles.getIfAvailable();
            if (bundles == null) {
                throw new IllegalStateException("spring.mail.ssl.bundle is set but no SSL bundles are configured");
            }
            javaMail.put("mail." + protocol + ".ssl.socketFactory",
                    bundles.getBundle(ssl.getBundle()).createSslContext().getSocketFactory());
        }
        if (!javaMail.isEmpty()) {
            sender.setJavaMailProperties(javaMail);
        }
        return sender;
    }

    /**
     * Bounds every connect, read and write of {@code sender} by {@code timeout} (JavaMail waits
     * forever by default: one SMTP server that accepts and never answers held the dispatcher of
     * every node). Overrides the same keys given under {@code spring.mail.properties}, since the
     * outbox lease is derived from this timeout.
     */
    static void bound(JavaMailSenderImpl sender, Duration timeout) {
        String protocol = StringUtils.hasLength(sender.getProtocol()) ? sender.getProtocol() : "smtp";
        String millis = Long.toString(Math.max(1, timeout.toMillis()));
        Properties javaMail = new Properties();
        javaMail.putAll(sender.getJavaMailProperties());
        javaMail.setProperty("mail." + protocol + ".connectiontimeout", millis);
        javaMail.setProperty("mail." + protocol + ".timeout", millis);
        javaMail.setProperty("mail." + protocol + ".writetimeout", millis);
        sender.setJavaMailProperties(javaMail);
    }
}
