package io.stagewire.jobapi.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Log records with a stack trace (a Throwable attached) logged while it is open, from any logger of the test JVM. */
public final class LoggedFailures extends Handler implements AutoCloseable {
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LoggedFailures() {
    }

    public static LoggedFailures capture() {
        LoggedFailures handler = new LoggedFailures();
        Logger.getLogger("").addHandler(handler);
        return handler;
    }

    /** What was logged with a stack trace: "LEVEL logger: message (exception)". */
    public List<String> withStackTraces() {
        return records.stream().filter(r -> r.getThrown() != null && r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage() + " (" + r.getThrown() + ")").toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
