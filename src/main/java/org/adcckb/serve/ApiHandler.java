package org.adcckb.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.adcckb.report.RulesReport;
import org.adcckb.input.InputException;
import org.adcckb.kb.KnowledgeBaseException;
import org.adcckb.reasoning.RuleFailureException;
import org.adcckb.reasoning.RuleLoopException;
import org.adcckb.reasoning.RuleTimeoutException;

/**
 * Everything under {@code /api}: routes by path and method, and turns every failure into a JSON error
 * with the status the docs promise (400 bad input or a scenario past its firing or time limit, 404 no
 * route, 405 wrong method, 413 too large, 422 a question over its budget, 503 no knowledge base, 500 a
 * rule that threw or anything else,
 * without a stack trace).
 */
final class ApiHandler implements HttpHandler {

    static final String SCENARIOS = "/api/scenarios/";

    private final Map<String, Map<String, Route>> routes = new TreeMap<>();
    private final LiveKnowledge knowledge;
    private final ScenarioCatalog catalog;
    private final PrintWriter log;

    ApiHandler(LiveKnowledge knowledge, ScenarioCatalog catalog, Questions questions, PrintWriter log) {
        this.knowledge = knowledge;
        this.catalog = catalog;
        this.log = log;
        route("GET", "/api/status", ex -> Exchanges.json(ex, 200, knowledge.status()));
        route("GET", "/api/rules", ex -> Exchanges.json(ex, 200, RulesReport.json(knowledge.require().knowledgeBase())));
        route("GET", "/api/scenarios", ex -> Exchanges.json(ex, 200, catalog.list()));
        route("POST", "/api/evaluate", questions::evaluate);
        route("POST", "/api/whatif", questions::whatIf);
        route("POST", "/api/sweep", questions::sweep);
        route("POST", "/api/whynot", questions::whyNot);
        route("GET", "/api/report", questions::report);
        route("POST", "/api/report", questions::report);
    }

    private void route(String method, String path, Route r) {
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, r);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        try {
            if (path.startsWith(SCENARIOS) && path.length() > SCENARIOS.length()) {
                if (!"GET".equals(method) && !"HEAD".equals(method)) {
                    throw methodNotAllowed(ex, "GET, HEAD", method, path);
                }
                Exchanges.send(ex, 200, "application/json; charset=utf-8", catalog.read(path.substring(SCENARIOS.length())));
                return;
            }
            Map<String, Route> byMethod = routes.get(path);
            if (byMethod == null) {
                throw HttpError.notFound("no route " + path + "; routes: " + String.join(", ", routes.keySet())
                        + ", " + SCENARIOS + "PATH");
            }
            // HEAD is GET without the body (Exchanges.send leaves it out), wherever GET is allowed.
            Route r = byMethod.get("HEAD".equals(method) ? "GET" : method);
            if (r == null) {
                throw methodNotAllowed(ex, String.join(", ", byMethod.keySet()) + (byMethod.containsKey("GET") ? ", HEAD" : ""),
                        method, path);
            }
            r.handle(ex);
        } catch (HttpError e) {
            Exchanges.error(ex, e.status(), e.getMessage());
        } catch (InputException | RuleLoopException | RuleTimeoutException e) {
            // The command line's exit code 2: the caller's input, with the message the command line prints.
            // A scenario that runs past --max-firings or --max-millis is counted here, as on the command line.
            Exchanges.error(ex, 400, e.getMessage());
        } catch (org.adcckb.whatif.BudgetException e) { // a question over its budget: refused, the server stays free
            Exchanges.error(ex, 422, e.getMessage());
        } catch (RuleFailureException e) {
            // A defect of the rules, not of the request: logged on one line, answered naming the rule.
            log.println("adcc serve: " + method + " " + path + ": " + oneLine(e.getMessage()));
            log.flush();
            Exchanges.error(ex, 500, e.getMessage());
        } catch (KnowledgeBaseException e) {
            Exchanges.error(ex, 503, e.getMessage());
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            log.println("adcc serve: internal error on " + method + " " + path + ": " + e.getClass().getName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            log.flush();
            Exchanges.error(ex, 500, "internal error: " + e.getClass().getSimpleName() + "; the server log has more");
        }
    }

    /** A message for the log, whatever a rule's exception put in it. */
    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}]+", " ");
    }

    private static HttpError methodNotAllowed(HttpExchange ex, String allowed, String method, String path) {
        ex.getResponseHeaders().set("Allow", allowed);
        return new HttpError(405, method + " is not allowed on " + path + "; use " + allowed);
    }
}
