package io.roster.demo;

import io.roster.workspaces.Workspace;
import io.roster.workspaces.WorkspaceRight;

/** The main company of the demo: its Users table shows every state a row can be in. */
final class NorthwindLogistics {

    private final DemoCompany company;
    private final AtelierDupont atelier;

    NorthwindLogistics(DemoCompany company, AtelierDupont atelier) {
        this.company = company;
        this.atelier = atelier;
    }

    void fill() {
        Names names = Names.ENGLISH;
        company.administrator(Persona.COMPANY_ADMIN);
        company.active(Persona.USER_MANAGER, "USER_MANAGER");
        company.active(Persona.BILLING_MANAGER, "BILLING_MANAGER");
        company.active(Persona.AUDITOR, "AUDITOR");
        String member = company.active(Persona.MEMBER, "MEMBER");
        String teamLead = company.role("Team lead", "users.read", "workspaces.read", "workspaces.manage").id();
        String support = company.role("Support agent", "users.read").id();
        Workspace warehouse = company.workspace("Warehouse Lyon");
        Workspace fleet = company.workspace("Fleet planning");
        Workspace customers = company.workspace("Customer support");
        Workspace[] workspaces = {warehouse, fleet, customers};
        for (int n = 0; n < 55; n++) {
            String role = n % 9 == 0 ? teamLead : n % 4 == 0 ? support : "MEMBER";
            String id = company.active(names.person(n), role);
            if (n % 3 != 2) {
                company.let(workspaces[n % 3], id, role.equals(teamLead) ? WorkspaceRight.ADMIN
                        : n % 2 == 0 ? WorkspaceRight.WRITE : WorkspaceRight.READ);
            }
        }
        company.let(customers, member, WorkspaceRight.READ);
        for (int n = 55; n < 61; n++) {
            company.inactive(names.person(n), "MEMBER");
        }
        for (int n = 61; n < 64; n++) {
            company.invited(names.person(n), "MEMBER");
        }
        drafts();
        company.letExternal(warehouse, atelier.externalPersona, WorkspaceRight.WRITE);
        company.letExternal(warehouse, atelier.lentToNorthwind[0], WorkspaceRight.READ);
        company.letExternal(fleet, atelier.lentToNorthwind[1], WorkspaceRight.READ);
        company.invite(fleet, "dispatch@freight-partners.example", WorkspaceRight.READ);
    }

    /** Rows an administrator left to fix, each with the reason its activation was refused. */
    private void drafts() {
        company.draft("ryan.cooper", "Ryan", "Cooper", "ryan.cooper.northwind.example", true, "en");
        company.draft("sarah.mitchell", "Sarah", "Mitchell", "sarah.mitchell2@northwind.example", true, "en");
        company.draft("priya.shah", "Priya", null, "priya.shah@northwind.example", true, "en");
        company.draft(null, "Daniel", "Kim", "daniel.kim@northwind.example", true, "en");
        company.draft("marta.novak", "Marta", "Novak", "marta.novak@northwind.example", false, "en");
    }
}
