package io.roster.api;

import io.roster.shared.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An uploaded file as text. At most the limit plus one byte is read, so a larger body is refused
 * without being held in memory. Text must be UTF-8: a mis-decoded name would be imported wrong
 * without anyone noticing, so other encodings are refused with the way to fix them.
 */
final class CsvUpload {

    private CsvUpload() {
    }

    static String read(InputStream in, CsvImportLimits limits) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limits.maxBytes() + 1));
        if (bytes.length > limits.maxBytes()) {
            throw limits.tooLarge();
        }
        return utf8(bytes);
    }

    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Problems.InvalidInput("The file is not UTF-8 text: save it as \"CSV UTF-8\" and import it again",
                    List.of()).coded("CSV_NOT_UTF8");
        }
    }
}
