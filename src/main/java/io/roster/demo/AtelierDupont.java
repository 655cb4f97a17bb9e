package io.roster.demo;

import io.roster.workspaces.Workspace;
import io.roster.workspaces.WorkspaceRight;

/** The external persona's home: a workshop, in French. */
final class AtelierDupont {

    private final DemoCompany company;
    String externalPersona;
    String[] lentToNorthwind;

    AtelierDupont(DemoCompany company) {
        this.company = company;
    }

    void fill() {
        Names names = Names.FRENCH;
        company.administrator(names.person(20));
        String foreman = company.role("Chef de chantier", "users.read", "workspaces.read", "workspaces.manage").id();
        externalPersona = company.active(Persona.EXTERNAL, "MEMBER");
        lentToNorthwind = new String[] {company.active(names.person(21), foreman),
            company.active(names.person(22), "MEMBER")};
        Workspace site = company.workspace("Chantier Bordeaux");
        Workspace office = company.workspace("Bureau d'études");
        for (int n = 23; n < 58; n++) {
            String id = company.active(names.person(n), n % 6 == 0 ? foreman : "MEMBER");
            company.let(n % 2 == 0 ? site : office, id, n % 5 == 0 ? WorkspaceRight.ADMIN : WorkspaceRight.WRITE);
        }
        company.let(site, externalPersona, WorkspaceRight.WRITE);
        for (int n = 58; n < 61; n++) {
            company.inactive(names.person(n), "MEMBER");
        }
        company.draft("nicolas.blanc", "Nicolas", "Blanc", "nicolas.blanc atelier-dupont.example", true, "fr");
        company.draft("sophie.garnier", "Sophie", "Garnier", "sophie.garnier@atelier-dupont.example", false, "fr");
        company.invite(site, "architecte@cabinet-leroy.example", WorkspaceRight.READ);
    }
}
