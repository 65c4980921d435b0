package dev.cards.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what the application logs while it is open (the test and the application share the
 * JVM and its log manager), so a test can count lines or look for what must never be logged.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    /** Records at {@code level} or above, each as "LEVEL logger: message [thrown]". */
    public List<String> atOrAbove(Level level) {
        return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue())
                .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + formatted(r)
                        + (r.getThrown() != null ? " [" + r.getThrown() + "]" : ""))
                .toList();
    }

    private static String formatted(LogRecord r) {
        String message = r.getMessage();
        Object[] params = r.getParameters();
        if (message == null || params == null || params.length == 0) {
            return String.valueOf(message);
        }
        try {
            return message.contains("%") ? String.format(message, params) : java.text.MessageFormat.format(message, params);
        } catch (RuntimeException e) {
            return message + " " + java.util.Arrays.toString(params);
        }
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
