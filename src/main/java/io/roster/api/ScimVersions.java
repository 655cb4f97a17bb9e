package io.roster.api;

/**
 * SCIM's weak ETags (RFC 7644 §3.14), one shape for Users and Groups: {@code W/"<version>"} in
 * {@code meta.version} and the {@code ETag} header, and the version an {@code If-Match} names. What
 * a version is (a row's counter, a digest of a Group) is the resource's business; comparing it is
 * done where the change is saved.
 */
final class ScimVersions {

    private ScimVersions() {
    }

    /** {@code meta.version} and the ETag header of a resource at {@code version}. */
    static String weak(Object version) {
        return "W/\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} names ({@code W/"7"} or {@code "7"}), or null when there is
     * none or it is {@code *}: then the change proceeds whatever the current version.
     */
    static String named(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        return ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
    }
}
