package io.roster.licensing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.roster.shared.CachedReading;
import io.roster.shared.SharedProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Licenses used and purchased per company ({@code company} tag: its id), read on scrape with one
 * query for all companies at most once per cache period. The set of companies is taken from that
 * same read, so a company created on another node appears once the cache was renewed; the
 * {@code roster.licenses.companies} gauge is always there, so a scrape renews it even while no
 * company exists yet.
 */
@Component
class LicenseGauges {

    private final JdbcClient jdbc;
    private final CachedReading<Map<String, Usage>> usage;
    private final MultiGauge used;
    private final MultiGauge purchased;
    private final ReentrantLock registering = new ReentrantLock();
    private volatile Set<String> registered = Set.of();

    LicenseGauges(JdbcClient jdbc, MeterRegistry meters, SharedProperties shared) {
        this.jdbc = jdbc;
        this.usage = new CachedReading<>(shared.metrics().cache(), this::read);
        this.used = MultiGauge.builder("roster.licenses.used").description("Licenses in use, per company").register(meters);
        this.purchased = MultiGauge.builder("roster.licenses.purchased").description("Licenses purchased, per company")
                .register(meters);
        Gauge.builder("roster.licenses.companies", this, gauges -> gauges.current().size())
                .description("Companies whose licenses are reported").register(meters);
    }

    private record Usage(int used, int purchased) {
    }

    private Map<String, Usage> read() {
        return jdbc.sql("SELECT company_id, used, purchased FROM license_pools")
                .query((rs, n) -> Map.entry(rs.getString(1), new Usage(rs.getInt(2), rs.getInt(3)))).list().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The cached usage; when its companies changed, the per-company gauges follow. */
    private Map<String, Usage> current() {
        Map<String, Usage> now = usage.get();
        if (!now.keySet().equals(registered)) {
            registering.lock();
            try {
                if (!now.keySet().equals(registered)) {
                    used.register(rows(now.keySet(), Usage::used), true);
                    purchased.register(rows(now.keySet(), Usage::purchased), true);
                    registered = Set.copyOf(now.keySet());
                }
            } finally {
                registering.unlock();
            }
        }
        return now;
    }

    private List<MultiGauge.Row<?>> rows(Set<String> companies, ToDoubleFunction<Usage> value) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>(companies.size());
        for (String company : companies) {
            rows.add(MultiGauge.Row.of(Tags.of("company", company), this, gauges -> {
                Usage of = gauges.current().get(company);
                return of == null ? Double.NaN : value.applyAsDouble(of);
            }));
        }
        return rows;
    }
}
