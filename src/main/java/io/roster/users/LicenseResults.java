package io.roster.users;

import io.roster.licensing.LicensesChanged;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the license figures of validation results true when a company's licenses change
 * (docs/rules.md §2): a row refused for want of a license said "2 of 2 in use"; after the company
 * bought more it says that licenses were added and the row can be activated again (or, still full,
 * the new figures). Runs in the transaction of the change, like every listener: the results move
 * with the number of licenses or not at all. The other problems of a result are kept as they are.
 */
@Component
class LicenseResults {

    private final UserRows rows;

    LicenseResults(UserRows rows) {
        this.rows = rows;
    }

    @EventListener
    void on(LicensesChanged changed) {
        ValidationProblem now = changed.used() < changed.after()
                ? ValidationProblem.licenseAvailable(changed.used(), changed.after())
                : ValidationProblem.noLicense(changed.used(), changed.after());
        rows.licenseResults(changed.companyId()).forEach((id, result) -> {
            List<ValidationProblem> problems = new ArrayList<>();
            for (ValidationProblem problem : result.problems()) {
                boolean aboutLicenses = problem.code() == ValidationCode.NO_LICENSE
                        || problem.code() == ValidationCode.LICENSE_AVAILABLE;
                problems.add(aboutLicenses ? now : problem);
            }
            ValidationResult refreshed = ValidationResult.of(problems);
            if (!refreshed.equals(result)) {
                rows.refreshValidation(changed.companyId(), id, refreshed);
            }
        });
    }
}
