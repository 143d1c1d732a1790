package org.adcckb.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.adcckb.input.InputException;

/**
 * The JSON Lines a batch reads, with the name its error records give it.
 *
 * @param name "stdin" or the file as given
 */
public record Source(InputStream stream, String name) {

    /** Standard input for null or {@code -}, else the file, which must exist. */
    public static Source open(String file) throws IOException {
        if (file == null || "-".equals(file)) {
            return new Source(System.in, "stdin");
        }
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw new InputException(file, "", "no such file");
        }
        return new Source(Files.newInputStream(p), file);
    }
}
