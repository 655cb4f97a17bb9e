package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Argon2idTests {

    /** One pool of blocks, so that every hash of a test after the first reuses the blocks of the one before. */
    private final Argon2id argon2id = new Argon2id(new Argon2Memory(1, Argon2Cost.SIGN_IN.pooledBlocks()));

    static Stream<Arguments> costs() {
        return Stream.of(
                Arguments.of(8, 1, 1), Arguments.of(8, 2, 1), Arguments.of(8, 3, 1),
                Arguments.of(64, 1, 1), Arguments.of(64, 2, 1), Arguments.of(64, 3, 1),
                Arguments.of(1024, 1, 1), Arguments.of(1024, 2, 1), Arguments.of(1024, 3, 1),
                Arguments.of(19456, 1, 1), Arguments.of(19456, 2, 1), Arguments.of(19456, 3, 1),
                // m below the minimum of 8 blocks per lane, m not a multiple of 4 × lanes, several lanes
                Arguments.of(1, 1, 1), Arguments.of(1023, 2, 1), Arguments.of(37, 2, 2), Arguments.of(1024, 2, 4),
                // more blocks than a pool keeps
                Arguments.of(20000, 1, 1));
    }

    /**
     * Each pool of blocks serves one hash after another here: a hash must come out the same from
     * blocks a previous one used (the generator clears them) as from fresh ones.
     */
    @ParameterizedTest(name = "m={0} t={1} p={2}")
    @MethodSource("costs")
    void gives_the_same_hash_from_reused_blocks_as_a_fresh_generator(int memoryKiB, int iterations, int lanes) {
        Argon2Cost cost = new Argon2Cost(memoryKiB, iterations, lanes);
        String[] passwords = {"correct horse battery staple", "", "pässwörd ✓ 密码"};
        byte[][] salts = {bytes(16, 7), bytes(8, 200), "somesaltsomesaltsomesalt".getBytes(StandardCharsets.UTF_8)};
        for (int i = 0; i < passwords.length; i++) {
            byte[] password = passwords[i].getBytes(StandardCharsets.UTF_8);
            assertThat(argon2id.hash(password, salts[i], cost, 32))
                    .as("password %d", i)
                    .isEqualTo(bouncyCastle(password, salts[i], cost, 32));
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("tagLengths")
    void gives_the_same_tag_as_a_fresh_generator_for_short_and_long_tags(int tagLength) {
        Argon2Cost cost = new Argon2Cost(64, 2, 1);
        byte[] password = "a password".getBytes(StandardCharsets.UTF_8);
        assertThat(argon2id.hash(password, bytes(16, 1), cost, tagLength))
                .isEqualTo(bouncyCastle(password, bytes(16, 1), cost, tagLength));
    }

    static Stream<Integer> tagLengths() {
        return Stream.of(4, 31, 64, 65, 96, 97, 128, 200);
    }

    /** RFC 9106 §5.3: m=32, t=3, p=4, with a secret and associated data; twice, the second from reused blocks. */
    @Test
    void computes_the_rfc_9106_test_vector() {
        for (int time = 0; time < 2; time++) {
            byte[] tag = argon2id.hash(filled(32, 0x01), filled(16, 0x02), filled(8, 0x03), filled(12, 0x04),
                    new Argon2Cost(32, 3, 4), 32);

            assertThat(HexFormat.of().formatHex(tag))
                    .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
        }
    }

    @Test
    void different_salts_give_different_hashes() {
        byte[] password = "a password".getBytes(StandardCharsets.UTF_8);
        Argon2Cost cost = new Argon2Cost(64, 2, 1);
        assertThat(argon2id.hash(password, bytes(16, 1), cost, 32))
                .isNotEqualTo(argon2id.hash(password, bytes(16, 2), cost, 32));
    }

    private static byte[] bouncyCastle(byte[] password, byte[] salt, Argon2Cost cost, int tagLength) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.lanes())
                .withSalt(salt)
                .build());
        byte[] tag = new byte[tagLength];
        generator.generateBytes(password, tag);
        return tag;
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed + 31 * i);
        }
        return bytes;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
