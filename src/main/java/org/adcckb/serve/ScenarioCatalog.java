package org.adcckb.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.adcckb.input.InputException;
import org.adcckb.input.JsonInput;
import org.adcckb.input.Limits;

/**
 * The scenario files under the server's facts directory, by path relative to it. Nothing outside that
 * directory is ever read: a path that climbs out, directly or through a symbolic link, is refused.
 */
final class ScenarioCatalog {

    private final Path root;
    private final Limits limits;

    ScenarioCatalog(Path facts, Limits limits) {
        this.root = facts.toAbsolutePath().normalize();
        this.limits = limits;
    }

    /** Every {@code .json} file with its id and title, or the reason it cannot be read, sorted by path. */
    ArrayNode list() {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (String rel : paths()) {
            ObjectNode n = out.addObject().put("path", rel);
            try {
                JsonNode json = JsonInput.parse(Files.readAllBytes(resolve(rel)), rel, limits);
                n.put("id", json.path("id").asText(null));
                n.put("title", json.path("title").asText(null));
            } catch (HttpError e) {
                // A link that leads out is named, never read: a parse error would quote the file it points at.
                n.put("error", e.getMessage());
            } catch (InputException | IOException e) {
                n.put("error", e.getMessage());
            }
        }
        return out;
    }

    /** The paths of the {@code .json} files under the facts directory, relative to it, sorted. */
    List<String> paths() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .map(this::relative).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new HttpError(500, "the facts directory cannot be listed: " + e.getMessage());
        }
    }

    /** The file's bytes as written; 400 for a path that leaves the facts directory, 404 for none. */
    byte[] read(String relative) {
        Path file = resolve(relative);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw HttpError.notFound("no scenario " + relative + " in the facts directory");
        }
    }

    Path resolve(String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.indexOf('\0') >= 0
                || Stream.of(relative.split("/")).anyMatch(seg -> seg.equals("..") || seg.equals("."))) {
            throw new HttpError(400, "'" + relative + "' is not a path inside the facts directory; "
                    + "give a path such as lejeune-2021/low-target-dara.json");
        }
        if (!relative.endsWith(".json")) {
            throw HttpError.notFound("no scenario " + relative + " in the facts directory; scenarios are .json files");
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw HttpError.notFound("no scenario " + relative + " in the facts directory");
        }
        try {
            // A symbolic link inside facts/ may point anywhere; follow it and look where it lands.
            if (!file.toRealPath().startsWith(root.toRealPath())) {
                throw new HttpError(400, "'" + relative + "' leads outside the facts directory");
            }
        } catch (IOException e) {
            throw HttpError.notFound("no scenario " + relative + " in the facts directory");
        }
        return file;
    }

    private String relative(Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
