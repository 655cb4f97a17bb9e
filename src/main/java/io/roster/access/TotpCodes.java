package io.roster.access;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * RFC 6238 as the usual authenticator apps read it: SHA-1, 6 digits, 30-second steps. The codes,
 * secrets and QR code come from the dev.samstevens.totp library; this class only chooses the
 * parameters and which steps a code may match (the current one and one either side, for clocks a
 * little apart).
 */
final class TotpCodes {

    static final int PERIOD_SECONDS = 30;
    static final int DIGITS = 6;
    static final String ISSUER = "Roster";

    private final CodeGenerator generator;
    /** 32 base32 characters: 160 bits, the length RFC 4226 recommends for SHA-1. */
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);

    TotpCodes() {
        this(DIGITS);
    }

    TotpCodes(int digits) {
        this.generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, digits);
    }

    String newSecret() {
        return secrets.generate();
    }

    /** The {@code otpauth://} URI an authenticator app reads (from the QR code or typed in). */
    String otpauthUri(String secret, String accountLabel) {
        return qrData(secret, accountLabel).getUri();
    }

    /** The same URI as a PNG QR code, as a {@code data:} URI the page shows in an {@code img}. */
    String qrCode(String secret, String accountLabel) {
        try {
            var png = new ZxingPngQrGenerator();
            return Utils.getDataUriForImage(png.generate(qrData(secret, accountLabel)), png.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("The QR code could not be drawn", e);
        }
    }

    private static QrData qrData(String secret, String accountLabel) {
        return new QrData.Builder().label(accountLabel).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(PERIOD_SECONDS).build();
    }

    static long stepAt(Instant time) {
        return time.getEpochSecond() / PERIOD_SECONDS;
    }

    /** The code of one 30-second step (the counter of RFC 6238). */
    String codeAt(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("The TOTP secret is not valid base32", e);
        }
    }

    /**
     * The step {@code code} belongs to, among the one of {@code now} and its two neighbours, if it is
     * later than {@code lastUsedStep}: a code already taken (or an older one) never matches again.
     */
    OptionalLong matchingStep(String secret, String code, Instant now, long lastUsedStep) {
        if (code == null) {
            return OptionalLong.empty();
        }
        String typed = code.replace(" ", "");
        long current = stepAt(now);
        for (long step = current - 1; step <= current + 1; step++) {
            if (step > lastUsedStep && MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII),
                    typed.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }
}
