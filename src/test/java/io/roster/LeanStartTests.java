package io.roster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/**
 * The plain {@code java -jar} start uses the bean definitions generated at build time only from the
 * packaged jar: run from a class folder, they may be older than the code.
 */
class LeanStartTests {

    @Test
    void a_class_loaded_from_a_jar_counts_as_packaged_and_one_from_a_class_folder_does_not() {
        assertThat(LeanStart.runsFromPackagedJar(SpringApplication.class)).isTrue();
        assertThat(LeanStart.runsFromPackagedJar(RosterApplication.class)).isFalse();
    }

    @Test
    void run_from_the_class_folder_the_configuration_is_read_as_usual() {
        String before = System.getProperty(LeanStart.AOT_PROPERTY);
        try {
            System.clearProperty(LeanStart.AOT_PROPERTY);
            LeanStart.apply(new SpringApplication(RosterApplication.class));

            assertThat(System.getProperty(LeanStart.AOT_PROPERTY)).isNull();
        } finally {
            if (before != null) {
                System.setProperty(LeanStart.AOT_PROPERTY, before);
            }
        }
    }
}
