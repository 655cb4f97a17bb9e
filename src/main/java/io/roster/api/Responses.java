package io.roster.api;

import io.roster.shared.Problems;
import java.net.URI;
import org.springframework.http.ResponseEntity;

/** Response helpers: ETags from versions and the If-Match rule of SPEC §11. */
final class Responses {

    private Responses() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    static <T> ResponseEntity<T> ok(long version, T body) {
        return ResponseEntity.ok().eTag(etag(version)).body(body);
    }

    static <T> ResponseEntity<T> created(String location, long version, T body) {
        return ResponseEntity.created(URI.create(location)).eTag(etag(version)).body(body);
    }

    /**
     * The version an If-Match header expects: {@code null} when absent or {@code *} (proceed),
     * else the version of the ETag; anything that is not one of our ETags can only be stale.
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException ignored) {
                // falls through to stale
            }
        }
        throw new Problems.PreconditionFailed("If-Match " + ifMatch + " does not match the current version: read it again");
    }
}
