import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times one ES256 signature with a P-256 key (what Roster signs each access token with by default,
 * see oidc.SigningKeys and oidc.AccessTokenSignature), with the JDK's own provider as Nimbus uses it
 * (ECDSA over SHA-256; Nimbus then turns the DER signature into JOSE's 64 bytes, microseconds): the
 * ES256 half of the yardstick of the OpenID Connect figures in BENCHMARKS.md, beside RsaSignTime.
 * Needs nothing but the JDK: {@code java bench/tools/EsSignTime.java}. Prints
 * {@code es256_sign_ms=<median of one signature>}.
 */
public class EsSignTime {

    public static void main(String[] args) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        byte[] claims = "{\"iss\":\"http://127.0.0.1\",\"sub\":\"an account id of the harness\"}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 2000; i++) {
            sign(pair, claims);
        }
        long[] each = new long[500];
        for (int i = 0; i < each.length; i++) {
            long t0 = System.nanoTime();
            sign(pair, claims);
            each[i] = System.nanoTime() - t0;
        }
        Arrays.sort(each);
        System.out.printf(Locale.ROOT, "es256_sign_ms=%.3f min_ms=%.3f%n", each[each.length / 2] / 1e6, each[0] / 1e6);
    }

    private static byte[] sign(KeyPair pair, byte[] data) throws Exception {
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(pair.getPrivate());
        signature.update(data);
        return signature.sign();
    }
}
