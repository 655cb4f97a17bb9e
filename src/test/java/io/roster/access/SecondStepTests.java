package io.roster.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a console session owes after its password, and the amr its factors make. */
class SecondStepTests {

    private static UsernamePasswordAuthenticationToken signedIn(GrantedAuthority... authorities) {
        return UsernamePasswordAuthenticationToken.authenticated("account", null, List.of(authorities));
    }

    private static final GrantedAuthority PASSWORD = FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY);

    @Test
    void a_password_alone_is_pwd_and_a_code_after_it_is_multi_factor() {
        assertThat(SecondStep.amr(signedIn(PASSWORD))).containsExactly("pwd");
        assertThat(SecondStep.amr(signedIn(PASSWORD, FactorGrantedAuthority.fromFactor(SecondStep.TOTP_FACTOR))))
                .containsExactly("pwd", "otp", "mfa");
        assertThat(SecondStep.amr(signedIn(PASSWORD, FactorGrantedAuthority.fromFactor(SecondStep.RECOVERY_FACTOR))))
                .containsExactly("pwd", "otp", "mfa");
    }

    @Test
    void a_sign_in_naming_no_factor_was_a_password() {
        assertThat(SecondStep.amr(signedIn(new SimpleGrantedAuthority("ROLE_OPERATOR")))).containsExactly("pwd");
    }

    @Test
    void a_session_owing_a_code_or_an_enrolment_is_sent_to_the_page_for_it() {
        assertThat(SecondStep.owedPage(signedIn(PASSWORD, new SimpleGrantedAuthority(SecondStep.DUE))))
                .isEqualTo("/login/second-factor");
        assertThat(SecondStep.owedPage(signedIn(PASSWORD, new SimpleGrantedAuthority(SecondStep.ENROLMENT_DUE))))
                .isEqualTo("/profile");
        assertThat(SecondStep.owedPage(signedIn(PASSWORD))).isNull();
    }
}
