package io.roster.demo;

import io.roster.tenancy.Tenancy;
import io.roster.web.DemoSignIns;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * {@code roster.demo-data=true}: fills an empty database with the demo world at start, once, and
 * tells how to sign in to it. A database is empty while it holds no partner and no company; one
 * that holds any is never touched. Of several nodes starting together on an empty database, the
 * one that claims the {@link DemoMarker} fills it; the others, and every later start, leave it.
 * The demo has its own operator persona, beside any operator named by the bootstrap settings.
 */
@Component
class DemoData implements ApplicationRunner, DemoSignIns {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final boolean enabled;
    private final DemoMarker marker;
    private final Tenancy tenancy;
    private final DemoWorld world;
    private volatile boolean filled;

    DemoData(DemoProperties properties, DemoMarker marker, Tenancy tenancy, DemoWorld world) {
        this.enabled = properties.demoData();
        this.marker = marker;
        this.tenancy = tenancy;
        this.world = world;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (!marker.claimed() && tenancy.isEmpty() && marker.claim()) {
            long started = System.nanoTime();
            world.make();
            marker.markFilled();
            filled = true;
            log.info("Demo data: made in {} ms{}", (System.nanoTime() - started) / 1_000_000, signInsBlock());
        } else if (marker.filled()) {
            log.info("Demo data: already made in this database{}", signInsBlock());
        } else if (marker.claimed()) {
            log.info("Demo data: another node is making it (if none is, an earlier start stopped while making it:"
                    + " start again on an empty database)");
        } else {
            log.warn("Demo data: not added, this database already holds partners or companies"
                    + " (roster.demo-data fills only an empty database)");
        }
    }

    @Override
    public List<SignIn> signIns() {
        if (!enabled) {
            return List.of();
        }
        if (!filled) {
            filled = marker.filled();
        }
        return filled ? Persona.ALL.stream().map(persona -> new SignIn(persona.key(), persona.email())).toList() : List.of();
    }

    @Override
    public String password() {
        return Persona.PASSWORD;
    }

    /** The block the start-up log shows: one line per persona, then the shared demo password. */
    private static String signInsBlock() {
        String lines = Persona.ALL.stream()
                .map(persona -> String.format("  %-22s %-42s %s", persona.key(), persona.email(), persona.sees()))
                .collect(Collectors.joining("\n"));
        return "\n================ Roster demo: sign in at the console ================\n" + lines
                + "\n  Password of every persona (demo data only): " + Persona.PASSWORD
                + "\n=====================================================================";
    }
}
