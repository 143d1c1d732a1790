package org.adcckb.report.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A layered (Sugiyama-style) drawing of a directed graph, top to bottom: each node on the layer of its
 * longest path from a source, each source just above its nearest consumer, long edges broken by dummy points so that every edge joins adjacent
 * layers, crossings reduced by barycentre sweeps (the order with fewest crossings is kept), and x
 * positions pulled towards the neighbours without overlapping. Ties are broken by the input order, so
 * the same graph gives the same drawing.
 */
final class Layout {

    static final double LAYER_GAP = 54;
    static final double NODE_GAP = 22;
    static final double DUMMY_WIDTH = 10;
    static final double MARGIN = 16;
    private static final int SWEEPS = 12;

    /** A node to place, with its size. */
    record Box(String id, double width, double height) {
    }

    /** Where a node went: its centre. */
    record Place(double x, double y, double width, double height) {
        double top() {
            return y - height / 2;
        }

        double bottom() {
            return y + height / 2;
        }
    }

    /** @param points from the source's bottom to the target's top, through the dummies of a long edge */
    record Route(String from, String to, List<double[]> points) {
    }

    record Result(Map<String, Place> places, List<Route> routes, double width, double height) {
    }

    private final Map<String, Double> widths = new HashMap<>();
    private final Map<String, Double> heights = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private final Map<String, List<String>> up = new HashMap<>();
    private final Map<String, List<String>> down = new HashMap<>();
    private final Map<String, Integer> layer = new HashMap<>();
    private final Map<String, List<String>> chains = new LinkedHashMap<>();

    private Layout() {
    }

    /**
     * @param boxes  the nodes, in the order that breaks ties
     * @param edges  pairs of ids
     * @param bottom ids put together on a last layer of their own (the outcomes)
     */
    static Result of(List<Box> boxes, List<String[]> edges, Set<String> bottom) {
        Layout l = new Layout();
        for (Box b : boxes) {
            l.add(b.id(), b.width(), b.height());
        }
        return l.run(edges, bottom);
    }

    private void add(String id, double w, double h) {
        order.add(id);
        widths.put(id, w);
        heights.put(id, h);
        up.put(id, new ArrayList<>());
        down.put(id, new ArrayList<>());
    }

    private Result run(List<String[]> edges, Set<String> bottom) {
        Map<String, List<String>> preds = new HashMap<>();
        order.forEach(id -> preds.put(id, new ArrayList<>()));
        for (String[] e : edges) {
            preds.get(e[1]).add(e[0]);
        }
        Map<String, Integer> state = new HashMap<>();
        int deepest = 0;
        for (String id : order) {
            if (!bottom.contains(id)) {
                deepest = Math.max(deepest, longest(id, preds, state, bottom));
            }
        }
        // A source (an input fact) moves down to just above its first consumer: the same drawing order,
        // but short edges, and the inputs spread over the layers instead of one wide top row.
        Map<String, List<String>> succs = new HashMap<>();
        for (String[] e : edges) {
            succs.computeIfAbsent(e[0], k -> new ArrayList<>()).add(e[1]);
        }
        for (String id : order) {
            List<String> next = succs.get(id);
            if (bottom.contains(id) || !preds.get(id).isEmpty() || next == null) {
                continue;
            }
            int nearest = Integer.MAX_VALUE;
            for (String n : next) {
                if (!bottom.contains(n)) {
                    nearest = Math.min(nearest, layer.get(n));
                }
            }
            if (nearest != Integer.MAX_VALUE && nearest - 1 > layer.get(id)) {
                layer.put(id, nearest - 1);
            }
        }
        for (String id : bottom) {
            layer.put(id, deepest + 1);
        }
        int layers = bottom.isEmpty() ? deepest + 1 : deepest + 2;

        // Every edge is made of unit steps; an edge that goes up (only a cycle would) is drawn as it is.
        List<String> nodes = new ArrayList<>(order);
        for (String[] e : edges) {
            int a = layer.get(e[0]);
            int b = layer.get(e[1]);
            List<String> chain = new ArrayList<>();
            chain.add(e[0]);
            for (int k = a + 1; k < b; k++) {
                String d = "\u0000" + e[0] + "\u0000" + e[1] + "\u0000" + k;
                add(d, DUMMY_WIDTH, 0);
                layer.put(d, k);
                nodes.add(d);
                chain.add(d);
            }
            chain.add(e[1]);
            if (b > a) {
                for (int k = 0; k + 1 < chain.size(); k++) {
                    down.get(chain.get(k)).add(chain.get(k + 1));
                    up.get(chain.get(k + 1)).add(chain.get(k));
                }
            }
            chains.put(e[0] + "\u0001" + e[1], chain);
        }

        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            rows.add(new ArrayList<>());
        }
        nodes.forEach(id -> rows.get(layer.get(id)).add(id));
        rows.removeIf(List::isEmpty);
        List<List<String>> best = copy(rows);
        long fewest = crossings(rows);
        for (int s = 0; s < SWEEPS && fewest > 0; s++) {
            for (int i = 1; i < rows.size(); i++) {
                reorder(rows.get(i), rows.get(i - 1), up);
            }
            for (int i = rows.size() - 2; i >= 0; i--) {
                reorder(rows.get(i), rows.get(i + 1), down);
            }
            long c = crossings(rows);
            if (c < fewest) {
                fewest = c;
                best = copy(rows);
            }
        }
        return place(best);
    }

    private int longest(String id, Map<String, List<String>> preds, Map<String, Integer> state, Set<String> bottom) {
        Integer known = layer.get(id);
        if (known != null) {
            return known;
        }
        state.put(id, 1);
        int l = 0;
        for (String p : preds.get(id)) {
            if (state.getOrDefault(p, 0) == 1 || bottom.contains(p)) {
                continue; // a cycle: the edge that closes it does not count
            }
            l = Math.max(l, longest(p, preds, state, bottom) + 1);
        }
        state.put(id, 2);
        layer.put(id, l);
        return l;
    }

    private static void reorder(List<String> row, List<String> fixed, Map<String, List<String>> neighbours) {
        Map<String, Integer> pos = index(fixed);
        Map<String, Double> key = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            String id = row.get(i);
            double sum = 0;
            int n = 0;
            for (String o : neighbours.get(id)) {
                Integer p = pos.get(o);
                if (p != null) {
                    sum += p;
                    n++;
                }
            }
            // A node with no neighbour there keeps its place, scaled to the other row's width.
            key.put(id, n > 0 ? sum / n : (fixed.size() <= 1 ? i : i * (fixed.size() - 1.0) / Math.max(1, row.size() - 1)));
        }
        Map<String, Integer> was = index(row);
        row.sort(Comparator.<String>comparingDouble(key::get).thenComparingInt(was::get));
    }

    private long crossings(List<List<String>> rows) {
        long total = 0;
        for (int i = 0; i + 1 < rows.size(); i++) {
            Map<String, Integer> below = index(rows.get(i + 1));
            List<int[]> segs = new ArrayList<>();
            List<String> row = rows.get(i);
            for (int a = 0; a < row.size(); a++) {
                for (String t : down.get(row.get(a))) {
                    Integer b = below.get(t);
                    if (b != null) {
                        segs.add(new int[] {a, b});
                    }
                }
            }
            for (int x = 0; x < segs.size(); x++) {
                for (int y = x + 1; y < segs.size(); y++) {
                    int[] p = segs.get(x);
                    int[] q = segs.get(y);
                    if ((p[0] - q[0]) * (long) (p[1] - q[1]) < 0) {
                        total++;
                    }
                }
            }
        }
        return total;
    }

    private Result place(List<List<String>> rows) {
        Map<String, Double> x = new HashMap<>();
        double widest = 0;
        for (List<String> row : rows) {
            double cursor = 0;
            for (String id : row) {
                x.put(id, cursor + widths.get(id) / 2);
                cursor += widths.get(id) + NODE_GAP;
            }
            widest = Math.max(widest, cursor - NODE_GAP);
        }
        for (List<String> row : rows) {
            double w = 0;
            for (String id : row) {
                w += widths.get(id) + NODE_GAP;
            }
            double shift = (widest - (w - NODE_GAP)) / 2;
            row.forEach(id -> x.put(id, x.get(id) + shift));
        }
        // Pull each node towards the mean of its neighbours, alternately from above and below, keeping order.
        for (int pass = 0; pass < 8; pass++) {
            boolean fromAbove = pass % 2 == 0;
            for (int k = 0; k < rows.size(); k++) {
                List<String> row = rows.get(fromAbove ? k : rows.size() - 1 - k);
                Map<String, List<String>> nb = fromAbove ? up : down;
                double[] want = new double[row.size()];
                for (int i = 0; i < row.size(); i++) {
                    List<String> ns = nb.get(row.get(i));
                    want[i] = ns.isEmpty() ? x.get(row.get(i)) : ns.stream().mapToDouble(x::get).average().orElse(0);
                }
                pack(row, want, x);
            }
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (String id : x.keySet()) {
            min = Math.min(min, x.get(id) - widths.get(id) / 2);
            max = Math.max(max, x.get(id) + widths.get(id) / 2);
        }
        double dx = MARGIN - min;
        Map<String, Place> places = new LinkedHashMap<>();
        double y = MARGIN;
        for (List<String> row : rows) {
            double h = row.stream().mapToDouble(heights::get).max().orElse(0);
            for (String id : row) {
                places.put(id, new Place(round(x.get(id) + dx), round(y + h / 2), widths.get(id), heights.get(id)));
            }
            y += h + LAYER_GAP;
        }
        double height = y - LAYER_GAP + MARGIN;
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : chains.entrySet()) {
            List<String> chain = e.getValue();
            List<double[]> pts = new ArrayList<>();
            Place first = places.get(chain.get(0));
            Place last = places.get(chain.get(chain.size() - 1));
            boolean downwards = last.y() >= first.y();
            pts.add(new double[] {first.x(), downwards ? first.bottom() : first.top()});
            for (int k = 1; k + 1 < chain.size(); k++) {
                Place d = places.get(chain.get(k));
                pts.add(new double[] {d.x(), d.y()});
            }
            pts.add(new double[] {last.x(), downwards ? last.top() : last.bottom()});
            routes.add(new Route(chain.get(0), chain.get(chain.size() - 1), pts));
        }
        Map<String, Place> real = new LinkedHashMap<>();
        for (String id : order) {
            if (!id.startsWith("\u0000")) {
                real.put(id, places.get(id));
            }
        }
        return new Result(real, routes, round(max - min + 2 * MARGIN), round(height));
    }

    /** Places a row as near its wishes as it can without overlap or reordering: the mean of a left and a right packing. */
    private void pack(List<String> row, double[] want, Map<String, Double> x) {
        int n = row.size();
        double[] left = new double[n];
        double[] right = new double[n];
        for (int i = 0; i < n; i++) {
            double min = i == 0 ? -Double.MAX_VALUE : left[i - 1] + gap(row, i - 1, i);
            left[i] = Math.max(want[i], min);
        }
        for (int i = n - 1; i >= 0; i--) {
            double max = i == n - 1 ? Double.MAX_VALUE : right[i + 1] - gap(row, i, i + 1);
            right[i] = Math.min(want[i], max);
        }
        for (int i = 0; i < n; i++) {
            double v = (left[i] + right[i]) / 2;
            if (i > 0) {
                v = Math.max(v, x.get(row.get(i - 1)) + gap(row, i - 1, i));
            }
            x.put(row.get(i), v);
        }
    }

    private double gap(List<String> row, int a, int b) {
        return widths.get(row.get(a)) / 2 + widths.get(row.get(b)) / 2 + NODE_GAP;
    }

    private static Map<String, Integer> index(List<String> row) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            m.put(row.get(i), i);
        }
        return m;
    }

    private static List<List<String>> copy(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>();
        rows.forEach(r -> out.add(new ArrayList<>(r)));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10.0) / 10.0;
    }
}
