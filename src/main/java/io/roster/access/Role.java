package io.roster.access;

import java.util.Set;

/** A named set of company permissions: built-in (fixed id) or defined by the company. */
public record Role(String id, String name, boolean builtIn, Set<Permission> permissions) {
}
