package org.adcckb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The same scenario written in another order, for the tests that check order changes no answer. */
public final class Shuffle {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Shuffle() {
    }

    /** The scenario with its cells and treatments (and every object's fields) in another order. */
    public static byte[] scenario(byte[] original, long seed) throws IOException {
        Random random = new Random(seed);
        ObjectNode root = (ObjectNode) MAPPER.readTree(original);
        for (String field : List.of("cells", "treatments")) {
            if (root.has(field)) {
                List<JsonNode> items = new ArrayList<>();
                root.get(field).forEach(items::add);
                // A shuffle that leaves the order as it was tests nothing: rotate it then.
                List<JsonNode> before = List.copyOf(items);
                Collections.shuffle(items, random);
                if (items.equals(before) && items.size() > 1) {
                    Collections.rotate(items, 1);
                }
                ArrayNode a = MAPPER.createArrayNode();
                items.forEach(item -> a.add(fields((ObjectNode) item, random)));
                root.set(field, a);
            }
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(fields(root, random));
    }

    private static ObjectNode fields(ObjectNode node, Random random) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        Collections.shuffle(names, random);
        ObjectNode out = MAPPER.createObjectNode();
        names.forEach(n -> out.set(n, node.get(n)));
        return out;
    }
}
