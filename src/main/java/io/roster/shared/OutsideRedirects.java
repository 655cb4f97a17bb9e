package io.roster.shared;

import java.net.URI;

/**
 * The addresses on other sites Roster may send a browser to: the redirect URIs registered for the
 * apps that sign people in through it (io.roster.oidc). Every other absolute redirect loses its
 * origin at the edge (io.roster.edge.HardenedResponse), so no request can make Roster an open redirect.
 */
public interface OutsideRedirects {

    /** True when {@code target} is a registered redirect URI (its query aside), matched exactly. */
    boolean allows(URI target);
}
