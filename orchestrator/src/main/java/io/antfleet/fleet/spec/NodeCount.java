package io.antfleet.fleet.spec;

/**
 * How many nodes a container should run: a fixed count ({@code nodes: 4}) that apply enforces exactly,
 * or a range ({@code nodes: {min: 0, max: 40}}) of which apply enforces the bounds and autoscale decides
 * the rest.
 */
public sealed interface NodeCount permits NodeCount.Fixed, NodeCount.Range {
    /** The most nodes this count ever asks for. */
    int upperBound();

    record Fixed(int count) implements NodeCount {
        public Fixed {
            if (count < 0) {
                throw new IllegalArgumentException("node count " + count + " is negative");
            }
        }

        @Override
        public int upperBound() {
            return count;
        }
    }

    record Range(int min, int max) implements NodeCount {
        public Range {
            if (min < 0 || min > max) {
                throw new IllegalArgumentException("invalid node range {min: " + min + ", max: " + max + "} (need 0 <= min <= max)");
            }
        }

        @Override
        public int upperBound() {
            return max;
        }
    }
}
