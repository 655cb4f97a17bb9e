package io.roster;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails the build when a module reaches into another's internals or a dependency cycle appears. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(RosterApplication.class);

    @Test
    void modules_only_use_each_others_public_api_and_form_no_cycle() {
        MODULES.verify();
    }
}
