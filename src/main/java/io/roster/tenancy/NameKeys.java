package io.roster.tenancy;

import io.roster.shared.CompanyNameKeys;
import org.springframework.stereotype.Component;

/** Companies' folded names as other modules copy them beside their rows ({@link CompanyNameKeys}). */
@Component
class NameKeys implements CompanyNameKeys {

    @Override
    public String nameKeyOf(String companyIdExpression) {
        return "(SELECT nk.name_key FROM companies nk WHERE nk.id = " + companyIdExpression + ")";
    }
}
