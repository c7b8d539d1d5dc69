package dev.hench.itworker;

import java.util.HashMap;
import java.util.Map;

/**
 * Workload for measuring detail mode's cost: builds small maps, keeps the last 20,000 of them
 * alive (so old objects exist), and prints how many it built in each second. Argument: seconds.
 */
public final class ThroughputWorker {

    private ThroughputWorker() {
    }

    public static void main(String[] args) {
        int seconds = Integer.parseInt(args[0]);
        Object[] live = new Object[20_000];
        long ops = 0;
        long secondStart = System.nanoTime();
        int second = 0;
        while (second < seconds) {
            Map<Integer, String> map = new HashMap<>();
            for (int i = 0; i < 16; i++) {
                map.put(i, Integer.toString(i + (int) ops));
            }
            live[(int) (ops % live.length)] = map;
            ops++;
            if (System.nanoTime() - secondStart >= 1_000_000_000L) {
                System.out.println("second " + second + " ops " + ops);
                ops = 0;
                second++;
                secondStart = System.nanoTime();
            }
        }
    }
}
