package dev.hench.collector.leak;

/** In-place selection of the k-th smallest value (Hoare's quickselect), without sorting. */
final class Selection {

    private Selection() {
    }

    /**
     * Returns the value of rank {@code rank} (0-based) among {@code values[0..count)}. Reorders
     * that part of the array; later calls on the same part stay correct.
     */
    static double select(double[] values, int count, int rank) {
        return select(values, 0, count, rank);
    }

    /** Like {@link #select(double[], int, int)} within {@code values[from..to)}. */
    static double select(double[] values, int from, int to, int rank) {
        int left = from;
        int right = to - 1;
        while (left < right) {
            double pivot = medianOfThree(values[left], values[(left + right) >>> 1], values[right]);
            int i = left;
            int j = right;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = values[i];
                    values[i] = values[j];
                    values[j] = swap;
                    i++;
                    j--;
                }
            }
            if (rank <= j) {
                right = j;
            } else if (rank >= i) {
                left = i;
            } else {
                return values[rank];
            }
        }
        return values[rank];
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
