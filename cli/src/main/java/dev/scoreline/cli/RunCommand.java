package dev.scoreline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run", description = "Not built yet.")
final class RunCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("scoreline run: not built yet");
        return Main.USAGE;
    }
}
