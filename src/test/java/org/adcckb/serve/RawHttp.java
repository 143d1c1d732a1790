package org.adcckb.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Requests written byte for byte: the headers HttpClient will not send (Host, none at all, two of them)
 * and paths it would normalise. Each opens a connection, sends {@code Connection: close} and reads all.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** The status line, headers and body of the answer. */
    record Answer(String text) {
        int status() {
            return Integer.parseInt(text.substring(9, 12));
        }

        String headers() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }

        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }

        boolean hasHeader(String prefix) {
            return headers().toLowerCase(Locale.ROOT).lines().anyMatch(l -> l.startsWith(prefix.toLowerCase(Locale.ROOT)));
        }
    }

    /** {@code METHOD path HTTP/1.1}, then the header lines given (each ending in CRLF, or empty), then the body. */
    static Answer send(Server s, String method, String path, String headers, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\n" + headers
                + (b.length > 0 ? "Content-Length: " + b.length + "\r\n" : "") + "Connection: close\r\n\r\n";
        return exchange(s, head.getBytes(StandardCharsets.ISO_8859_1), b);
    }

    /** Sends the request as given, bytes and all. */
    static Answer exchange(Server s, byte[] head, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(s.address().getAddress(), s.address().getPort()), 10_000);
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(head);
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return new Answer(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code Host} header line naming the server as a browser would. */
    static String host(Server s, String name) {
        return "Host: " + name + ":" + s.address().getPort() + "\r\n";
    }
}
