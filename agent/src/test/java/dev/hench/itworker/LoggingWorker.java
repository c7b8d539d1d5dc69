package dev.hench.itworker;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Test worker that logs through java.util.logging with {@link CustomLogManager}. With the argument
 * {@code set-in-main} it sets {@code java.util.logging.manager} itself, after giving the agent's
 * threads a second and a half to run, as applications that configure logging in main do.
 */
public final class LoggingWorker {

    private LoggingWorker() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("set-in-main")) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1_500));
            System.setProperty("java.util.logging.manager", CustomLogManager.class.getName());
        }
        Logger.getLogger("worker").info("worker logging works");
        System.out.println("log manager " + LogManager.getLogManager().getClass().getName());
    }
}
