import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in worker for the OOM comparison: allocates and touches {@code args[0]} MiB of heap
 * over about two seconds, holds it for {@code args[1]} seconds, then exits 0. The OOM killer
 * ends it with SIGKILL (exit status 137) when its cgroup runs out of memory.
 */
public final class AllocationWorker {

    public static void main(String[] args) throws InterruptedException {
        int mebibytes = Integer.parseInt(args[0]);
        long holdMillis = Long.parseLong(args[1]) * 1000;
        List<byte[]> held = new ArrayList<>();
        for (int i = 0; i < mebibytes; i++) {
            byte[] chunk = new byte[1 << 20];
            for (int offset = 0; offset < chunk.length; offset += 4096) {
                chunk[offset] = 1;
            }
            held.add(chunk);
            if (i % 16 == 15) {
                Thread.sleep(100);
            }
        }
        Thread.sleep(holdMillis);
        System.out.println("done " + held.size());
    }
}
