package dev.scoreline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "preview", description = "Not built yet.")
final class PreviewCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("scoreline preview: not built yet");
        return Main.USAGE;
    }
}
