package dev.scoreline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "fmt", description = "Not built yet.")
final class FmtCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("scoreline fmt: not built yet");
        return Main.USAGE;
    }
}
