package io.roster;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import io.roster.access.Guard;
import io.roster.workspaces.WorkspaceGuard;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Authorization happens in one place per operation: the adapter's entry. The adapters ({@code api},
 * {@code web}, and {@code demo}, which plays one at start) call the guards; module operations take
 * what the guards return ({@code CompanyAccess}, {@code WorkspaceAccess}) and never call them, so
 * no operation authorizes on its own and no adapter can count on it doing so.
 */
class AuthorizationSeamTests {

    /** The classes whose public methods decide access. */
    static final Set<Class<?>> GUARDS = Set.of(Guard.class, WorkspaceGuard.class);

    static final String[] ADAPTERS = {"io.roster.api..", "io.roster.web..", "io.roster.demo.."};

    @Test
    void only_the_adapters_call_the_guards() {
        noClasses().that(DescribedPredicate.not(resideInAnyPackage(ADAPTERS)))
                .and(DescribedPredicate.not(isGuard()))
                .should().callMethodWhere(publicMethodOfAGuard())
                .because("adapters authorize at the entry of every operation; module operations never decide"
                        + " access (docs/rules.md)")
                .check(ConfigurationRulesTests.MAIN);
    }

    /** The rule above would pass vacuously if the guards' names moved: make sure it sees real calls. */
    @Test
    void the_adapters_do_call_the_guards() {
        long calls = ConfigurationRulesTests.MAIN.stream()
                .filter(type -> resideInAnyPackage(ADAPTERS).test(type))
                .flatMap(type -> type.getMethodCallsFromSelf().stream())
                .filter(call -> GUARDS.stream().anyMatch(guard -> call.getTargetOwner().isEquivalentTo(guard)))
                .count();
        assertThat(calls).isGreaterThan(20);
    }

    private static DescribedPredicate<JavaClass> isGuard() {
        return DescribedPredicate.describe("a guard",
                type -> GUARDS.stream().anyMatch(type::isEquivalentTo));
    }

    private static DescribedPredicate<JavaMethodCall> publicMethodOfAGuard() {
        return DescribedPredicate.describe("a public method of Guard or WorkspaceGuard", call -> {
            JavaClass owner = call.getTargetOwner();
            if (GUARDS.stream().noneMatch(owner::isEquivalentTo)) {
                return false;
            }
            return call.getTarget().resolveMember()
                    .map(member -> member.getModifiers().contains(JavaModifier.PUBLIC))
                    .orElse(true);
        });
    }
}
