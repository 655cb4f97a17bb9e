package io.roster.access;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A role as a refusal's sentence names it for a person: a built-in role by its name in the reader's
 * language (the console's words for it, {@code admin.role.<id>}), never by its id; a custom role by
 * the name the company gave it. The argument is looked up when the sentence is worded, in the
 * language of the one who reads it.
 */
final class RoleWording {

    private RoleWording() {
    }

    /** The argument of a coded problem ({@link io.roster.shared.ProblemException#coded}) that names {@code role}. */
    static Object of(Role role) {
        return role.builtIn() ? new DefaultMessageSourceResolvable(new String[] {"admin.role." + role.id()}, role.name())
                : role.name();
    }
}
