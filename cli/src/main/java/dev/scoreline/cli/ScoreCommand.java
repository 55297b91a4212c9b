package dev.scoreline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "score", description = "Not built yet.")
final class ScoreCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("scoreline score: not built yet");
        return Main.USAGE;
    }
}
