package io.roster.demo;

import java.util.List;

/**
 * Someone of the demo world to sign in as, to see the product from one seat. {@code key} names the
 * persona in the sign-in page's message bundles; {@code sees} is what the start-up log tells of it.
 */
record Persona(String key, String firstName, String lastName, String email, String locale, String sees) {

    /** Every persona signs in with it: a known password, for demo data only. */
    static final String PASSWORD = "demo-password-2026";

    static final Persona OPERATOR = new Persona("operator", "Platform", "Operator", "operator@demo.roster.localhost",
            "en", "every partner and company");
    static final Persona PARTNER_ADMIN = new Persona("partner-admin", "Hélène", "Moreau",
            "helene.moreau@horizon-conseil.example", "fr", "the partner space Horizon Conseil and its 3 companies");
    static final Persona PARTNER_USER_MANAGER = new Persona("partner-user-manager", "Tom", "Becker",
            "tom.becker@horizon-conseil.example", "en", "the users of the partner's 3 companies");
    static final Persona COMPANY_ADMIN = new Persona("company-admin", "Sarah", "Mitchell",
            "sarah.mitchell@northwind.example", "en", "all of Northwind Logistics: users, roles, workspaces, billing, audit");
    static final Persona USER_MANAGER = new Persona("user-manager", "David", "Okafor", "david.okafor@northwind.example",
            "en", "Northwind's Users table, to add, edit and deactivate people");
    static final Persona BILLING_MANAGER = new Persona("billing-manager", "Émilie", "Laurent",
            "emilie.laurent@northwind.example", "fr", "Northwind's licenses");
    static final Persona AUDITOR = new Persona("auditor", "James", "Carter", "james.carter@northwind.example", "en",
            "Northwind's users, workspaces and audit history, read-only");
    static final Persona MEMBER = new Persona("member", "Lucy", "Hughes", "lucy.hughes@northwind.example", "en",
            "only the Northwind workspace she was let into");
    static final Persona EXTERNAL = new Persona("external", "Julien", "Dupont", "julien.dupont@atelier-dupont.example",
            "fr", "Atelier Dupont & Fils (home) and a Northwind workspace, as an external person");

    static final List<Persona> ALL = List.of(OPERATOR, PARTNER_ADMIN, PARTNER_USER_MANAGER, COMPANY_ADMIN, USER_MANAGER,
            BILLING_MANAGER, AUDITOR, MEMBER, EXTERNAL);

    /** The user ID the persona is given: its email's local part. */
    String userId() {
        return email.substring(0, email.indexOf('@'));
    }
}
