package io.roster.api;

import io.roster.shared.Problems;
import java.net.URI;
import org.springframework.http.ResponseEntity;

/** Response helpers: ETags from versions and the If-Match rule of docs/rules.md §14. */
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
     * Applies If-Match (RFC 9110 §13.1.1) to the current version: absent or {@code *} proceeds
     * ({@code null}); a list proceeds when one of its strong ETags is current, and then returns that
     * version so the change re-checks it under lock; anything else is a 412.
     */
    static Long expectedVersion(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        for (String tag : ifMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals(etag(currentVersion))) {
                return currentVersion;
            }
        }
        throw new Problems.PreconditionFailed("If-Match " + ifMatch + " does not match the current version "
                + etag(currentVersion) + ": read it again and reapply your change");
    }
}
