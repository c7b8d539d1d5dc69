package dev.hench.collector.housekeeping;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive ownership of a runs directory: an OS file lock on {@code .hench-housekeeping.lock}
 * inside it. The OS releases the lock when the owning process dies, even on SIGKILL, so a crash
 * never leaves the directory locked. The file contains the owner's pid for the error message.
 */
final class RunsDirectoryLock implements Closeable {

    private final FileChannel channel;
    private final FileLock lock;

    private RunsDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock without waiting.
     *
     * @throws RunsDirectoryLockedException when another owner holds it
     */
    static RunsDirectoryLock acquire(Path runsDirectory) throws IOException {
        Path file = runsDirectory.resolve(RunFileNames.LOCK_FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM already owns the directory through another object
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new RunsDirectoryLockedException(file, Files.readString(file).trim());
        }
        writeHolder(channel);
        return new RunsDirectoryLock(channel, lock);
    }

    private static void writeHolder(FileChannel channel) throws IOException {
        byte[] holder = ("pid " + ProcessHandle.current().pid() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder), 0);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
