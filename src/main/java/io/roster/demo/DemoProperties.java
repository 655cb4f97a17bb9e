package io.roster.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoData {@code roster.demo-data} ({@code ROSTER_DEMO_DATA}): {@code true} fills an empty
 *        database with the demo world at start ({@link DemoData})
 */
@ConfigurationProperties("roster")
record DemoProperties(@DefaultValue("false") boolean demoData) {
}
