package io.roster.api;

import io.roster.shared.MadeAtFirstUse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.webmvc.ui.SwaggerIndexPageTransformer;
import org.springdoc.webmvc.ui.SwaggerIndexTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.Lifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;

/**
 * The OpenAPI document and its UI are made when first asked for, not at start. The library behind
 * them (springdoc, on swagger's models and its own JSON mapper) creates some fifty beans, loads a
 * few hundred classes and a second JSON library at start for a document most starts never serve.
 * <p>
 * Its singletons are left defined as they are but marked lazy ({@link Deferred}), and the first
 * request to the document or the UI ({@link FirstRequest}) creates all of them, in the order the
 * start would have, before the request goes on: the document is built by the same beans from the
 * same settings, so it is the same document. Beans the start creates whatever their mark (those a
 * Spring MVC configurer needs, post-processors, listeners, lifecycle beans, callbacks after the
 * singletons) are left as they are. The UI's page transformer, which only a page of the UI uses but
 * a configurer needs at start, is {@link #swaggerIndexTransformer made at its first page}.
 */
@Configuration
class ApiDocsAtFirstUse {

    /** Where the library's beans come from. */
    static final String LIBRARY = "org.springdoc.";

    @Bean
    static Deferred apiDocsDeferred() {
        return new Deferred();
    }

    @Bean
    FirstRequest apiDocsFirstRequest(Deferred deferred, ConfigurableListableBeanFactory beans,
            Environment environment) {
        return new FirstRequest(deferred, beans, environment.getProperty("springdoc.api-docs.path", "/v3/api-docs"),
                environment.getProperty("springdoc.swagger-ui.path", "/swagger-ui.html"));
    }

    /**
     * The UI's page transformer, in place of the library's own (which it is, made at the first page
     * of the UI): the library's one takes its JSON mapper, and so the second JSON library, at start.
     */
    @Bean
    SwaggerIndexTransformer swaggerIndexTransformer(SwaggerUiConfigProperties ui, SwaggerUiOAuthProperties oauth,
            SwaggerWelcomeCommon welcome, ObjectProvider<ObjectMapperProvider> mappers) {
        return new IndexPageAtFirstUse(() -> new SwaggerIndexPageTransformer(ui, oauth, welcome, mappers.getObject()));
    }

    /** The library's page transformer, made by the first page of the UI and then used for every page. */
    static final class IndexPageAtFirstUse implements SwaggerIndexTransformer {

        private final MadeAtFirstUse<SwaggerIndexTransformer> transformer;

        IndexPageAtFirstUse(Supplier<SwaggerIndexTransformer> make) {
            this.transformer = new MadeAtFirstUse<>(make);
        }

        @Override
        public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
                throws IOException {
            return transformer.get().transform(request, resource, chain);
        }
    }

    /** Marks the library's singletons lazy, and keeps their names in the order they were defined. */
    static final class Deferred implements BeanFactoryPostProcessor {

        private final List<String> names = new ArrayList<>();

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) throws BeansException {
            for (String name : beans.getBeanDefinitionNames()) {
                BeanDefinition definition = beans.getBeanDefinition(name);
                // already lazy too: the build-time processing (Spring AOT) keeps the mark this sets
                if (definition.isSingleton() && !definition.isAbstract() && deferrable(beans.getType(name, false))) {
                    definition.setLazyInit(true);
                    names.add(name);
                }
            }
        }

        /** A bean of the library that nothing at start needs made, and that has no start callback. */
        static boolean deferrable(Class<?> type) {
            return type != null && type.getName().startsWith(LIBRARY)
                    && !BeanFactoryPostProcessor.class.isAssignableFrom(type)
                    && !BeanPostProcessor.class.isAssignableFrom(type)
                    && !SmartInitializingSingleton.class.isAssignableFrom(type)
                    && !ApplicationListener.class.isAssignableFrom(type)
                    && !Lifecycle.class.isAssignableFrom(type)
                    && !FactoryBean.class.isAssignableFrom(type)
                    && !WebMvcConfigurer.class.isAssignableFrom(type);
        }

        /** The deferred beans, some of which the library's own post-processors may have made prototypes. */
        List<String> names() {
            return List.copyOf(names);
        }
    }

    /**
     * Before the first request to the document or the UI goes on, creates every deferred bean that
     * is still a singleton; any later request passes with one read. Last of the servlet filters,
     * just before the request reaches Spring MVC: a request refused before that needs no document.
     */
    static final class FirstRequest extends OncePerRequestFilter {

        private final Deferred deferred;
        private final ConfigurableListableBeanFactory beans;
        private final String documentPath;
        private final String uiPath;
        private volatile boolean made;

        /** Where the UI's own files are served from, whatever its page's path. */
        private static final String UI_RESOURCES = "/swagger-ui";

        FirstRequest(Deferred deferred, ConfigurableListableBeanFactory beans, String documentPath, String uiPath) {
            this.deferred = deferred;
            this.beans = beans;
            this.documentPath = documentPath;
            this.uiPath = uiPath;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            if (made) {
                return true;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return !(path.startsWith(documentPath) || path.startsWith(uiPath) || path.startsWith(UI_RESOURCES));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            makeAll();
            chain.doFilter(request, response);
        }

        synchronized void makeAll() {
            if (made) {
                return;
            }
            for (String name : deferred.names()) {
                if (beans.containsBeanDefinition(name) && beans.getMergedBeanDefinition(name).isSingleton()) {
                    beans.getBean(name);
                }
            }
            made = true;
        }
    }
}
