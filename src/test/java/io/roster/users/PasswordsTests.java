package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class PasswordsTests {

    private static final String PASSWORD = "correct horse battery staple";

    private static final Passwords passwords = new Passwords();
    /** Spring Security's encoder, which Passwords once used: the hashes it stored must still verify. */
    private final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);

    @Test
    void a_hash_written_by_springs_encoder_verifies() {
        assertThat(passwords.matches(PASSWORD, spring.encode(PASSWORD))).isTrue();
    }

    @Test
    void a_hash_we_write_verifies_with_springs_encoder() {
        assertThat(spring.matches(PASSWORD, passwords.hash(PASSWORD))).isTrue();
    }

    @Test
    void a_hash_we_write_verifies_with_passwords() {
        assertThat(passwords.matches("pässwörd ✓ 密码 long", passwords.hash("pässwörd ✓ 密码 long"))).isTrue();
    }

    @Test
    void a_hash_is_written_in_springs_phc_format_with_the_sign_in_cost() {
        assertThat(passwords.hash(PASSWORD))
                .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void the_same_password_gets_a_different_salt_each_time() {
        assertThat(passwords.hash(PASSWORD)).isNotEqualTo(passwords.hash(PASSWORD));
    }

    @Test
    void a_wrong_password_fails_against_our_hash_and_springs() {
        assertThat(passwords.matches("correct horse battery stapler", passwords.hash(PASSWORD))).isFalse();
        assertThat(passwords.matches("correct horse battery stapler", spring.encode(PASSWORD))).isFalse();
    }

    @Test
    void a_hash_of_another_cost_verifies_with_the_cost_written_in_it() {
        Argon2PasswordEncoder other = new Argon2PasswordEncoder(32, 64, 2, 4096, 3);
        String hash = other.encode(PASSWORD);

        assertThat(hash).startsWith("$argon2id$v=19$m=4096,t=3,p=2$");
        assertThat(passwords.matches(PASSWORD, hash)).isTrue();
        assertThat(passwords.matches(PASSWORD + "!", hash)).isFalse();
    }

    @Test
    void an_argon2i_hash_verifies_through_springs_encoder() {
        String hash = argon2iPhc(PASSWORD);

        assertThat(passwords.matches(PASSWORD, hash)).isTrue();
        assertThat(passwords.matches(PASSWORD + "!", hash)).isFalse();
    }

    @Test
    void an_unknown_account_fails() {
        assertThat(passwords.matches(PASSWORD, null)).isFalse();
    }

    @Test
    void a_missing_or_empty_password_fails() {
        String hash = passwords.hash(PASSWORD);
        assertThat(passwords.matches(null, hash)).isFalse();
        assertThat(passwords.matches("", hash)).isFalse();
    }

    @Test
    void a_damaged_hash_fails() {
        String hash = passwords.hash(PASSWORD);
        assertThat(passwords.matches(PASSWORD, hash.substring(0, hash.length() - 5))).isFalse();
        assertThat(passwords.matches(PASSWORD, "$argon2id$v=19$m=19456,t=2,p=1$!!!$!!!")).isFalse();
        assertThat(passwords.matches(PASSWORD, "$argon2id$v=19$m=0,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")).isFalse();
        assertThat(passwords.matches(PASSWORD, "not a hash")).isFalse();
        assertThat(passwords.matches(PASSWORD, "")).isFalse();
    }

    private static String argon2iPhc(String password) {
        byte[] salt = "sixteen byte salt".getBytes(StandardCharsets.UTF_8);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_i).withVersion(0x13)
                .withMemoryAsKB(64).withIterations(2).withParallelism(1).withSalt(salt).build());
        byte[] hash = new byte[32];
        generator.generateBytes(password.toCharArray(), hash);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2i$v=19$m=64,t=2,p=1$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }
}
