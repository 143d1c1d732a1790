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
        return open(file, Path.of(file));
    }

    /**
     * The file at {@code path}, named {@code file} as given (a path relative to another directory than this
     * process's). Anything readable that is not a directory will do: a pipe such as bash's {@code <(...)} too.
     */
    public static Source open(String file, Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new InputException(file, "", "is a directory; batch reads one JSON Lines file, or standard input"
                    + " (cat DIR/*.jsonl | adcc batch)");
        }
        try {
            return new Source(Files.newInputStream(path), file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file, "", "no such file");
        } catch (IOException e) {
            throw new InputException(file, "", "cannot be read: " + InputException.why(e));
        }
    }
}
