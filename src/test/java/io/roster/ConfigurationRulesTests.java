package io.roster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Keeps the configuration where it was put: settings are read through each module's settings
 * record, and H2 stays a database the application runs on, not a library its code uses.
 */
class ConfigurationRulesTests {

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.roster");

    @Test
    void settings_are_read_through_the_settings_records_not_value_placeholders() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName(Value.class.getName())
                .because("each module's settings are a @ConfigurationProperties record, checked at start")
                .check(MAIN);
    }

    /** H2 is on the compile class path only for this one class, whose name the H2 schema holds. */
    @Test
    void only_the_audit_log_s_h2_trigger_uses_h2_classes() {
        noClasses().that().doNotHaveFullyQualifiedName("io.roster.audit.AppendOnlyTrigger").should()
                .dependOnClassesThat().resideInAPackage("org.h2..")
                .because("the code must run on PostgreSQL alike; H2 is only the embedded default database")
                .check(MAIN);
    }
}
