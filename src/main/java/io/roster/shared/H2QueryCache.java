package io.roster.shared;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Gives the embedded H2 a statement cache that holds what one request prepares. H2 parses and
 * plans every statement a connection prepares unless it is among the last {@code QUERY_CACHE_SIZE}
 * that connection prepared (8 by default), and a request such as a user creation prepares some
 * thirty different ones: with the default, every one was parsed again on every request. Added to
 * any H2 URL that does not set the size itself; other databases' URLs are left as they are.
 */
@Component
class H2QueryCache implements BeanPostProcessor {

    /** Statements kept per connection: a creation's thirty, the sign-in's and the pages' beside them. */
    static final int SIZE = 64;

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari) {
            hikari.setJdbcUrl(withQueryCache(hikari.getJdbcUrl()));
        }
        return bean;
    }

    static String withQueryCache(String url) {
        if (url == null || !url.startsWith("jdbc:h2:") || url.toUpperCase(Locale.ROOT).contains("QUERY_CACHE_SIZE=")) {
            return url;
        }
        return url + ";QUERY_CACHE_SIZE=" + SIZE;
    }
}
