package org.adcckb.cli;

import java.io.IOException;

/**
 * The answer could not be written to standard output (a full disk, a closed pipe). The command ends with
 * a message and exit 1; a closed pipe ends it quietly with 141, as a Unix tool killed by SIGPIPE would,
 * since the reader has simply stopped reading ({@code adcc batch big.jsonl | head}).
 */
final class OutputFailure extends RuntimeException {

    /** The exit code of a process ended by SIGPIPE. */
    static final int BROKEN_PIPE = 128 + 13;

    OutputFailure(IOException cause) {
        super(cause == null ? "the output cannot be written" : cause.getMessage(), cause);
    }

    /** Whether the reader went away (EPIPE), which Java reports as an IOException of that message. */
    boolean brokenPipe() {
        return getMessage() != null && getMessage().contains("Broken pipe");
    }
}
