package io.roster.shared;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Lets the PostgreSQL driver send a JDBC batch of inserts as multi-row {@code INSERT}s
 * ({@code reWriteBatchedInserts}): without it, a batch of a thousand rows is a thousand statements
 * the server parses, plans and executes one by one, which bounded the CSV import (the accounts,
 * their name words, links, roles, audit entries, notifications and mails are each one batch per
 * import batch). What is written, and in which transaction, does not change; only a batch's
 * per-row counts come back as "success, count unknown", which no caller reads. Added to any
 * PostgreSQL URL that does not set it itself; other databases' URLs are left as they are.
 */
@Component
class PostgreSqlBatchInserts implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari) {
            hikari.setJdbcUrl(withBatchedInserts(hikari.getJdbcUrl()));
        }
        return bean;
    }

    static String withBatchedInserts(String url) {
        if (url == null || !url.startsWith("jdbc:postgresql:")
                || url.toLowerCase(Locale.ROOT).contains("rewritebatchedinserts=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
}
