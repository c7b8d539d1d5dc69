package dev.hench.collector.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lines from the collector to one agent, queued and written by the connection's own writer
 * thread, so a slow agent never blocks the thread that queues (ingest, the ack ticker or an
 * alert listener).
 */
final class Outbound implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Outbound.class);
    private static final String STOP = new String("stop");

    private final BlockingQueue<String> queue;
    private final SocketChannel channel;
    private final long connectionId;

    Outbound(SocketChannel channel, int capacity, long connectionId) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.channel = channel;
        this.connectionId = connectionId;
    }

    /** Queues one line without its newline; returns false when the queue is full. */
    boolean offer(String line) {
        return queue.offer(line);
    }

    /** Lets the writer thread finish after the lines already queued. */
    void stop() {
        queue.clear();
        queue.offer(STOP);
    }

    @Override
    public void run() {
        try {
            String line;
            while ((line = queue.take()) != STOP) {
                write(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedChannelException e) {
            log.debug("connection #{} closed while writing to the agent", connectionId);
        } catch (IOException e) {
            log.warn("writing to the agent failed connection=#{}: {}", connectionId, e.toString());
        }
    }

    private void write(String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }
}
