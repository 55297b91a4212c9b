package dev.scoreline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.ReadProgress;
import dev.scoreline.api.ScoreSink;
import dev.scoreline.api.ScoreUpdate;
import dev.scoreline.api.ScorelineBinder;
import dev.scoreline.runtime.RunProgress;
import dev.scoreline.runtime.RunReport;
import dev.scoreline.runtime.Scoreline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Scoreline.run(observer, progress)}: what a progress line hears, before loading and once loaded. */
class RunProgressTest {

    @Test
    void theProgressHearsLoadingStartThenHowManyResultsThereAreToScore(@TempDir Path dir) {
        FollowTest.GrowingCrm crm = new FollowTest.GrowingCrm();
        List<String> heard = new ArrayList<>();
        AtomicLong results = new AtomicLong();
        RunReport report = Scoreline.builder()
                .install(binder -> ScorelineBinder.of(binder).addAdapter(crm).addSink(new ScoreSink() {
                    public String name() { return "none"; }
                    public void write(List<ScoreUpdate> updates) { }
                }))
                .rules("lead.score", FollowTest.RULES + """
                        score "Company fit" on company
                          type fit
                          group "Size" limit 10
                            add 5 if industry is "Retail"
                        """)
                .asOf(FollowTest.NOW)
                .outbox(dir.resolve("outbox"))
                .build()
                .run(r -> {
                    heard.add("scored");
                    results.incrementAndGet();
                }, new RunProgress() {
                    @Override
                    public void loading(Optional<ReadProgress> read) {
                        heard.add("loading " + read.isPresent());
                    }

                    @Override
                    public void scoring(long n) {
                        heard.add("scoring " + n);
                    }
                });
        // Two contacts for "Lead", no company for "Company fit": 2 results at most, before any is scored.
        assertThat(heard).startsWith("loading false", "scoring 2", "scored");
        assertThat(results.get()).isEqualTo(report.results()).isEqualTo(2);
    }
}
