package io.mcpee.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands the {@code mcpee.audit} lines of tool calls to the server's log handlers from one thread of its own. The
 * entry is already committed when its line is queued (the database is the record; the line is a copy for a SIEM),
 * and a server's handlers are slow and serialised on the request path (a console handler formats and writes under
 * a lock): with a writer thread the request threads do not queue for the handler. Lines keep their order; when the
 * queue is full a line is written on the caller's thread (never dropped). At shutdown the queue is drained.
 */
@ApplicationScoped
class AuditLogWriter {
    private static final Logger LOG = Logger.getLogger(AuditLogWriter.class.getName());
    private static final int CAPACITY = 10_000;

    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(CAPACITY);
    // field injection: a resource cannot be a constructor parameter
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory threads;
    private volatile Thread writer;

    @PostConstruct
    void start() {
        try {
            Thread thread = threads.newThread(this::run);
            thread.setName("mcp-ee audit log");
            thread.start();
            writer = thread;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "mcp-ee: no thread for the audit log lines; they are written on the request"
                    + " threads", e);
        }
    }

    void write(AuditRecord record, boolean stored) {
        if (!AuditLog.LOG.isLoggable(Level.INFO)) {
            return;
        }
        String line = AuditLog.line(record, stored);
        if (writer == null || !lines.offer(line)) {
            AuditLog.LOG.info(line);
        }
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                AuditLog.LOG.info(lines.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            drain();
        }
    }

    private void drain() {
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        rest.forEach(AuditLog.LOG::info);
    }

    @PreDestroy
    void stop() {
        Thread thread = writer;
        writer = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // whatever arrived after the thread stopped
        drain();
    }
}
