package io.roster.demo;

import io.roster.access.Caller;
import io.roster.access.PartnerRole;
import io.roster.shared.EmailAddress;
import io.roster.shared.PartnerId;
import io.roster.tenancy.NewCompany;
import io.roster.tenancy.Partner;
import io.roster.users.Credentials;
import io.roster.users.NewStaff;
import org.springframework.stereotype.Component;

/**
 * Makes the demo world: the partner Horizon Conseil with its staff, and its three client
 * companies. Everything goes through the product's services, acting as the platform operator, so
 * the audit history, mails and notifications are the ones real use would leave.
 */
@Component
class DemoWorld {

    private final DemoServices services;

    DemoWorld(DemoServices services) {
        this.services = services;
    }

    void make() {
        Caller operator = operator();
        DemoSecurity.actingAs(operator, () -> {
            Partner partner = services.tenancy().createPartner("Horizon Conseil");
            staff(partner.id(), Persona.PARTNER_ADMIN, PartnerRole.PARTNER_ADMIN);
            staff(partner.id(), Persona.PARTNER_USER_MANAGER, PartnerRole.PARTNER_USER_MANAGER);
            AtelierDupont atelier = new AtelierDupont(company(operator, partner, "Atelier Dupont & Fils",
                    "atelier-dupont", 50, "atelier-dupont.example"));
            atelier.fill();
            DemoCompany northwind = company(operator, partner, "Northwind Logistics", "northwind-logistics", 80,
                    "northwind.example");
            new NorthwindLogistics(northwind, atelier).fill();
            new BoulangerieMartin(company(operator, partner, "Boulangerie Martin", "boulangerie-martin", 12,
                    "boulangerie-martin.example")).fill();
            return null;
        });
    }

    /** The demo's own operator: the persona, created unless its login exists already. */
    private Caller operator() {
        Persona persona = Persona.OPERATOR;
        String accountId = services.accounts().byLogin(persona.email()).map(Credentials::accountId)
                .orElseGet(() -> services.operators().createOperator(new EmailAddress(persona.email()), Persona.PASSWORD));
        Credentials account = services.accounts().byId(accountId).orElseThrow();
        return new Caller(account.accountId(), account.userId(), true, null, null, null, null);
    }

    private void staff(PartnerId partner, Persona persona, PartnerRole role) {
        services.staff().add(partner, new NewStaff(persona.userId(), persona.firstName(), persona.lastName(),
                persona.email(), Persona.PASSWORD, true, persona.locale()), role);
    }

    private DemoCompany company(Caller operator, Partner partner, String name, String slug, int licenses, String domain) {
        var company = services.tenancy().createCompany(new NewCompany(name, slug, licenses, partner.id()));
        return new DemoCompany(services, company, operator, domain);
    }
}
