package org.adcckb.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** One answer of the API: reads the exchange and sends the response, or throws for an error response. */
@FunctionalInterface
interface Route {
    void handle(HttpExchange ex) throws IOException;
}
