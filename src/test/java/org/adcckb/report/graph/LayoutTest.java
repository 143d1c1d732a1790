package org.adcckb.report.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The layered layout on graphs small enough to know the answer. */
class LayoutTest {

    private static Layout.Box box(String id) {
        return new Layout.Box(id, 50, 20);
    }

    @Test
    void barycentreSweepsUncrossTwoEdges() {
        Layout.Result r = Layout.of(List.of(box("a"), box("b"), box("c"), box("d")),
                List.of(new String[] {"a", "d"}, new String[] {"b", "c"}), Set.of());
        var p = r.places();
        assertThat(p.get("a").y()).isEqualTo(p.get("b").y()).isLessThan(p.get("c").y());
        assertThat(Math.signum(p.get("a").x() - p.get("b").x())).isEqualTo(Math.signum(p.get("d").x() - p.get("c").x()));
    }

    @Test
    void layersFollowTheLongestPathAndLongEdgesBendThroughDummies() {
        Layout.Result r = Layout.of(List.of(box("a"), box("b"), box("c")),
                List.of(new String[] {"a", "b"}, new String[] {"b", "c"}, new String[] {"a", "c"}), Set.of());
        var p = r.places();
        assertThat(p.get("a").y()).isLessThan(p.get("b").y());
        assertThat(p.get("b").y()).isLessThan(p.get("c").y());
        Layout.Route longEdge = r.routes().stream().filter(x -> x.from().equals("a") && x.to().equals("c")).findFirst().orElseThrow();
        assertThat(longEdge.points()).hasSize(3);
        assertThat(longEdge.points().get(0)[1]).isEqualTo(p.get("a").bottom());
        assertThat(longEdge.points().get(2)[1]).isEqualTo(p.get("c").top());
    }

    @Test
    void bottomNodesShareTheLastLayerAndACycleDoesNotHang() {
        Layout.Result r = Layout.of(List.of(box("a"), box("b"), box("o1"), box("o2")),
                List.of(new String[] {"a", "b"}, new String[] {"b", "a"}, new String[] {"b", "o1"}), Set.of("o1", "o2"));
        var p = r.places();
        assertThat(p.get("o1").y()).isEqualTo(p.get("o2").y()).isGreaterThan(p.get("b").y()).isGreaterThan(p.get("a").y());
        assertThat(r.routes()).hasSize(3);
    }

    @Test
    void aSourceSitsJustAboveItsNearestConsumer() {
        // a -> b -> c -> d, and a second source s feeding only d: s goes to c's layer, not the top.
        Layout.Result r = Layout.of(List.of(box("a"), box("b"), box("c"), box("d"), box("s")),
                List.of(new String[] {"a", "b"}, new String[] {"b", "c"}, new String[] {"c", "d"}, new String[] {"s", "d"}),
                Set.of());
        var p = r.places();
        assertThat(p.get("s").y()).isEqualTo(p.get("c").y()).isGreaterThan(p.get("a").y());
        Layout.Route short_ = r.routes().stream().filter(x -> x.from().equals("s")).findFirst().orElseThrow();
        assertThat(short_.points()).as("no dummy bends: s is on the layer above d").hasSize(2);
    }
}
