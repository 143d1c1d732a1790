package org.adcckb.serve;

/** A request answered with an error status and a message for the user, never a stack trace. */
final class HttpError extends RuntimeException {

    private final int status;

    HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static HttpError notFound(String message) {
        return new HttpError(404, message);
    }
}
