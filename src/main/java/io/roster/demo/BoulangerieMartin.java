package io.roster.demo;

import io.roster.demo.Names.Person;
import io.roster.workspaces.Workspace;
import io.roster.workspaces.WorkspaceRight;

/** A small bakery whose licenses are all used: its last rows wait for one. */
final class BoulangerieMartin {

    private final DemoCompany company;

    BoulangerieMartin(DemoCompany company) {
        this.company = company;
    }

    void fill() {
        Names names = Names.FRENCH;
        company.administrator(names.person(0));
        String shop = company.role("Responsable boutique", "users.read", "workspaces.read").id();
        Workspace bakehouse = company.workspace("Fournil");
        Workspace counter = company.workspace("Boutique");
        for (int n = 1; n < 11; n++) {
            String id = company.active(names.person(n), n == 1 ? shop : "MEMBER");
            company.let(n % 2 == 0 ? bakehouse : counter, id, WorkspaceRight.WRITE);
        }
        company.inactive(names.person(12), "MEMBER");
        company.active(names.person(13), "MEMBER");
        for (int n = 14; n < 17; n++) {
            Person waiting = names.person(n);
            company.draft(waiting.userId(), waiting.firstName(), waiting.lastName(),
                    waiting.emailAt("boulangerie-martin.example"), true, "fr");
        }
    }
}
