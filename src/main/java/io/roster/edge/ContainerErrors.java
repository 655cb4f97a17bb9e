package io.roster.edge;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat refuses some requests itself before the application sees them (an encoded NUL or slash in
 * the path, for instance) and answers them with its own HTML report. This replaces that report: a
 * problem document for the API's paths, a plain page otherwise, neither naming the server.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ContainerErrors implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(Report.class.getName());
                host.getPipeline().addValve(new Report());
            }
        });
    }

    /** Writes the body of an error the container made; a response that has one already is left alone. */
    public static class Report extends ErrorReportValve {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
                return;
            }
            try {
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer == null) {
                    return;
                }
                // a request line too long to read has no path: only programs send those
                if (request.getRequestURI() == null || EdgeProblems.speaksJson(request.getRequestURI())) {
                    response.setContentType(EdgeProblems.PROBLEM_JSON);
                    Map<String, Object> body = EdgeProblems.problem(status, status < 500
                            ? "The request cannot be served as sent" : "Something went wrong on our side. Try again later.");
                    writer.write(JSON.writeValueAsString(body));
                } else {
                    response.setContentType("text/html;charset=utf-8");
                    writer.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Roster</title></head>"
                            + "<body><h1>" + status + "</h1><p>" + (status < 500 ? "This request cannot be served."
                            : "Something went wrong. Try again later.") + "</p></body></html>");
                }
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response cannot take a body: nothing more to say
            }
        }
    }
}
