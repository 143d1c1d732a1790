package org.adcckb.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /api/scenarios lists the facts directory and serves its files, and nothing outside it. */
class ScenariosApiTest {

    private final Server server = Api.shared();

    @Test
    void listsEveryScenarioWithIdAndTitleSortedByPath() {
        Api.Response r = Api.get(server, "/api/scenarios");

        assertThat(r.status()).isEqualTo(200);
        List<String> paths = new ArrayList<>();
        r.json().forEach(n -> paths.add(n.path("path").asText()));
        assertThat(paths).isSorted().contains("lejeune-2021/low-target-dara.json", "koene-1997/cd16-158v.json");
        JsonNode dara = r.json().get(paths.indexOf("lejeune-2021/low-target-dara.json"));
        assertThat(dara.path("id").asText()).isEqualTo("lejeune2021-low-target-dara");
        assertThat(dara.path("title").asText()).isEqualTo("CD38-low myeloma with CD16+ NK-92 and daratumumab");
    }

    @Test
    void servesAFileAsWritten() {
        Api.Response r = Api.get(server, "/api/scenarios/lejeune-2021/low-target-dara.json");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Api.lejeune("low-target-dara"));
    }

    @Test
    void refusesPathsThatLeaveTheFactsDirectory() {
        for (String path : List.of("/api/scenarios/../rules/vocabulary.json", "/api/scenarios/%2e%2e/rules/vocabulary.json",
                "/api/scenarios/lejeune-2021/%2e%2e/%2e%2e/pom.xml", "/api/scenarios/..%2f..%2fetc%2fpasswd",
                "/api/scenarios/%2fetc%2fpasswd")) {
            Api.Response r = Api.rawGet(server, path);
            assertThat(r.status()).as(path + ": " + r.body()).isIn(400, 404);
            assertThat(r.body()).as(path).doesNotContain("cellTypes").doesNotContain("root:");
        }
    }

    @Test
    void anUnknownScenarioIs404() {
        Api.Response r = Api.get(server, "/api/scenarios/lejeune-2021/nothing.json");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).isEqualTo("no scenario lejeune-2021/nothing.json in the facts directory");
    }
}
