package io.roster.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

/** The sender Roster makes itself when Spring AOT left Boot's out, from the same spring.mail.* settings. */
class SmtpSendersTests {

    private final ObjectProvider<SslBundles> noBundles = new StaticListableBeanFactory().getBeanProvider(SslBundles.class);

    @Test
    void noHostMeansNoSender() {
        assertThat(SmtpSenders.fromProperties(new MockEnvironment(), noBundles)).isNull();
        assertThat(SmtpSenders.fromProperties(new MockEnvironment().withProperty("spring.mail.host", " "), noBundles)).isNull();
    }

    @Test
    void appliesHostPortCredentialsEncodingAndJavaMailProperties() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.mail.host", "smtp.example.com")
                .withProperty("spring.mail.port", "2525")
                .withProperty("spring.mail.username", "roster")
                .withProperty("spring.mail.password", "s3cret")
                .withProperty("spring.mail.default-encoding", "ISO-8859-1")
                .withProperty("spring.mail.properties.mail.smtp.auth", "true")
                .withProperty("spring.mail.ssl.enabled", "true");

        JavaMailSenderImpl sender = SmtpSenders.fromProperties(environment, noBundles);

        assertThat(sender.getHost()).isEqualTo("smtp.example.com");
        assertThat(sender.getPort()).isEqualTo(2525);
        assertThat(sender.getUsername()).isEqualTo("roster");
        assertThat(sender.getPassword()).isEqualTo("s3cret");
        assertThat(sender.getDefaultEncoding()).isEqualTo("ISO-8859-1");
        assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.ssl.enable", "true");
    }

    @Test
    void everyConnectReadAndWriteIsBoundedByTheMailTimeoutWhateverTheProperties() {
        JavaMailSenderImpl sender = SmtpSenders.fromProperties(new MockEnvironment()
                .withProperty("spring.mail.host", "smtp.example.com")
                .withProperty("spring.mail.properties.mail.smtp.auth", "true")
                .withProperty("spring.mail.properties.mail.smtp.timeout", "0"), noBundles);

        SmtpSenders.bound(sender, Duration.ofSeconds(10));

        assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.connectiontimeout", "10000")
                .containsEntry("mail.smtp.timeout", "10000").containsEntry("mail.smtp.writetimeout", "10000")
                .containsEntry("mail.smtp.auth", "true");
        assertThat(sender.getSession().getProperty("mail.smtp.timeout")).isEqualTo("10000");
    }

    @Test
    void theTimeoutsFollowTheProtocol() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setProtocol("smtps");

        SmtpSenders.bound(sender, Duration.ofMillis(1500));

        assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtps.timeout", "1500")
                .doesNotContainKey("mail.smtp.timeout");
    }

    @Test
    void anSslBundleWithoutBundlesIsAClearError() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.host", "smtp.example.com")
                .withProperty("spring.mail.ssl.bundle", "mail");
        assertThatThrownBy(() -> SmtpSenders.fromProperties(environment, noBundles))
                .hasMessageContaining("spring.mail.ssl.bundle is set but no SSL bundles are configured");
    }
}
