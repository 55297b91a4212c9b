package dev.scoreline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "check", description = "Not built yet.")
final class CheckCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("scoreline check: not built yet");
        return Main.USAGE;
    }
}
