package io.roster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** Fails the build when a module reaches into another's internals or a dependency cycle appears. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(RosterApplication.class);

    @Test
    void modules_only_use_each_others_public_api_and_form_no_cycle() {
        MODULES.verify();
    }

    /** The audit log only listens: the domain modules never depend on it; only the adapters read it. */
    @Test
    void only_the_adapters_depend_on_the_audit_log() {
        ApplicationModule audit = MODULES.getModuleByName("audit").orElseThrow();

        assertThat(MODULES.stream().filter(module -> !module.equals(audit))
                .filter(module -> module.getDirectDependencies(MODULES).contains(audit))
                .map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrder("api", "web");
    }

    /** The demo data only calls the other modules at start: nothing may come to rely on it. */
    @Test
    void nothing_depends_on_the_demo_data() {
        ApplicationModule demo = MODULES.getModuleByName("demo").orElseThrow();

        assertThat(MODULES.stream().filter(module -> module.getDirectDependencies(MODULES).contains(demo))).isEmpty();
    }
}
