package dev.scoreline.testkit;

import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;

import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what it was given, for tests of whatever sits in front of a sink. */
public final class RecordingSink implements ScoreSink {

    private final String name;
    private final List<ScoreUpdate> received = new ArrayList<>();
    private int opens;
    private int flushes;
    private int closes;

    public RecordingSink() {
        this("recording");
    }

    public RecordingSink(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void open() {
        opens++;
    }

    @Override
    public synchronized void write(List<ScoreUpdate> updates) {
        received.addAll(updates);
    }

    @Override
    public synchronized void flush() {
        flushes++;
    }

    @Override
    public synchronized void close() {
        closes++;
    }

    public synchronized List<ScoreUpdate> received() {
        return List.copyOf(received);
    }

    public synchronized int opens() {
        return opens;
    }

    public synchronized int flushes() {
        return flushes;
    }

    public synchronized int closes() {
        return closes;
    }
}
