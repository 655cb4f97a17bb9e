package io.roster.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The code generator Roster uses, held to RFC 6238's test vectors (appendix B, SHA-1) and to Roster's window. */
class TotpCodesTests {

    /** The RFC's SHA-1 seed, the ASCII "12345678901234567890", in the base32 authenticator apps read. */
    private static final String RFC_SECRET = new Base32().encodeToString("12345678901234567890".getBytes())
            .replace("=", "");

    @ParameterizedTest(name = "at {0} s the code is {1}")
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void the_generator_gives_the_eight_digit_codes_of_rfc_6238(long seconds, String code) {
        var eightDigits = new TotpCodes(8);

        assertThat(eightDigits.codeAt(RFC_SECRET, TotpCodes.stepAt(Instant.ofEpochSecond(seconds)))).isEqualTo(code);
    }

    @ParameterizedTest(name = "at {0} s the six-digit code is {1}")
    @CsvSource({"59, 287082", "1111111109, 081804", "1234567890, 005924", "20000000000, 353130"})
    void six_digit_codes_are_the_last_six_digits(long seconds, String code) {
        assertThat(new TotpCodes().codeAt(RFC_SECRET, TotpCodes.stepAt(Instant.ofEpochSecond(seconds)))).isEqualTo(code);
    }

    @Test
    void a_code_matches_its_own_step_and_its_neighbours_but_not_further() {
        var totp = new TotpCodes();
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = TotpCodes.stepAt(now);

        assertThat(totp.matchingStep(RFC_SECRET, "005924", now, 0)).hasValue(step);
        assertThat(totp.matchingStep(RFC_SECRET, "005924", now.plusSeconds(30), 0)).hasValue(step);
        assertThat(totp.matchingStep(RFC_SECRET, "005924", now.minusSeconds(30), 0)).hasValue(step);
        assertThat(totp.matchingStep(RFC_SECRET, "005924", now.plusSeconds(60), 0)).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, "005925", now, 0)).isEmpty();
    }

    @Test
    void a_code_already_taken_never_matches_again() {
        var totp = new TotpCodes();
        Instant now = Instant.ofEpochSecond(1234567890);

        assertThat(totp.matchingStep(RFC_SECRET, "005924", now, TotpCodes.stepAt(now))).isEmpty();
        assertThat(totp.matchingStep(RFC_SECRET, "005924", now, TotpCodes.stepAt(now) - 1)).isPresent();
    }

    @Test
    void the_uri_names_the_usual_parameters_for_authenticator_apps() {
        var totp = new TotpCodes();
        String secret = totp.newSecret();

        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(totp.otpauthUri(secret, "jane@example.com")).startsWith("otpauth://totp/")
                .contains("secret=" + secret, "issuer=Roster", "algorithm=SHA1", "digits=6", "period=30");
        assertThat(totp.qrCode(secret, "jane@example.com")).startsWith("data:image/png;base64,");
    }
}
