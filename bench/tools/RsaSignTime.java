import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times one RS256 signature with a 2048-bit RSA key (what Roster signs each access token and ID token
 * with, see oidc.SigningKeys), with the JDK's own provider as Nimbus uses it: the yardstick of the
 * OpenID Connect figures in BENCHMARKS.md. Needs nothing but the JDK:
 * {@code java bench/tools/RsaSignTime.java}. Prints {@code rsa2048_sign_ms=<median of one signature>}.
 */
public class RsaSignTime {

    public static void main(String[] args) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        byte[] claims = "{\"iss\":\"http://127.0.0.1\",\"sub\":\"an account id of the harness\"}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 200; i++) {
            sign(pair, claims);
        }
        long[] each = new long[200];
        for (int i = 0; i < each.length; i++) {
            long t0 = System.nanoTime();
            sign(pair, claims);
            each[i] = System.nanoTime() - t0;
        }
        Arrays.sort(each);
        System.out.printf(Locale.ROOT, "rsa2048_sign_ms=%.3f min_ms=%.3f%n", each[each.length / 2] / 1e6, each[0] / 1e6);
    }

    private static byte[] sign(KeyPair pair, byte[] data) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(pair.getPrivate());
        signature.update(data);
        return signature.sign();
    }
}
