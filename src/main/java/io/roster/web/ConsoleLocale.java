package io.roster.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console speaks English and French: from the browser's language at first, then as chosen
 * with {@code ?lang=fr|en}, remembered in a cookie.
 */
@Configuration
class ConsoleLocale implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("roster-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> preferred(request.getHeader("Accept-Language")));
        return resolver;
    }

    /** The first supported language of the header; English when none is, or the header does not parse. */
    static Locale preferred(String acceptLanguage) {
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage == null ? "en" : acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            // a weight such as q=abc or an over-long tag: the header is the client's mistake, not the page's
            return Locale.ENGLISH;
        }
        for (var range : ranges) {
            for (Locale supported : SUPPORTED) {
                if (range.getRange().toLowerCase(Locale.ROOT).startsWith(supported.getLanguage())) {
                    return supported;
                }
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
