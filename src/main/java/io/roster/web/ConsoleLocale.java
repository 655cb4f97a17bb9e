package io.roster.web;

import io.roster.access.Caller;
import io.roster.users.OwnProfile;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console speaks English and French. A signed-in person reads it in the language saved in
 * their profile, unless they switch with {@code ?lang=fr|en} during the session; someone not
 * signed in, in the language last chosen in this browser (a cookie), else the browser's. An account
 * created without a language takes that of the browser of its first sign-in, for good.
 */
@Configuration
class ConsoleLocale implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    /** The session's language once decided: the saved preference at first, a switch afterwards. */
    static final String SESSION_LOCALE = ConsoleLocale.class.getName() + ".locale";

    /** The saved preference first: read once per session, then kept in it. */
    static final class PreferenceFirst extends CookieLocaleResolver {

        private final OwnProfile profiles;

        PreferenceFirst(OwnProfile profiles) {
            super("roster-lang");
            this.profiles = profiles;
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SESSION_LOCALE) instanceof Locale chosen) {
                return chosen;
            }
            Caller caller = signedIn();
            if (session != null && caller != null) {
                // an account created without a language takes this browser's now (its first sign-in)
                String language = profiles.languageAtSignIn(caller.accountId(), super.resolveLocale(request).getLanguage());
                Locale saved = language == null ? null : "fr".equals(language) ? Locale.FRENCH : Locale.ENGLISH;
                if (saved != null) {
                    session.setAttribute(SESSION_LOCALE, saved);
                    return saved;
                }
            }
            return super.resolveLocale(request);
        }

        /**
         * What the dispatcher puts in LocaleContextHolder: the same choice as {@link #resolveLocale},
         * asked when read, so a switch made by this very request counts.
         */
        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            return () -> resolveLocale(request);
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, locale);
            HttpSession session = request.getSession(false);
            if (session != null && signedIn() != null && locale != null) {
                session.setAttribute(SESSION_LOCALE, locale);
            }
        }

        /** The person signed in to the console (a session, not an API token), or null. */
        private static Caller signedIn() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication != null && authentication.getPrincipal() instanceof Caller caller
                    && caller.tokenId() == null ? caller : null;
        }
    }

    @Bean
    LocaleResolver localeResolver(OwnProfile profiles) {
        CookieLocaleResolver resolver = new PreferenceFirst(profiles);
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
