package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.api.ReadProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line's numbers and ETA, on a clock the test moves (no timing). */
class ProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void loadingShowsTheBytesReadOfTheFilesAndTheTimeTheRestTakesAtTheRateSoFar() {
        AtomicLong clock = new AtomicLong(1_000 * SECOND);
        AtomicLong read = new AtomicLong();
        Progress progress = new Progress(new PrintWriter(new StringWriter()), false, clock::get);
        assertThat(progress.line()).isEqualTo("loading the data… 0 s");
        progress.loading(Optional.of(bytes(read, 76_000_000)));
        clock.addAndGet(4 * SECOND);
        read.set(19_000_000);
        // 19 MB in 4 s: 4.75 MB/s, the 57 MB left take 12 s.
        assertThat(progress.line()).isEqualTo("loading the data… 19.0 MB of 76.0 MB, 4.8 MB/s, ETA 12 s, 4 s");
    }

    @Test
    void scoringShowsTheResultsOfTheResultsToScoreOnceLoaded() {
        AtomicLong clock = new AtomicLong(0);
        Progress progress = new Progress(new PrintWriter(new StringWriter()), false, clock::get);
        progress.loading(Optional.empty());
        clock.addAndGet(10 * SECOND);
        assertThat(progress.line()).as("an adapter that cannot tell: no ETA").isEqualTo("loading the data… 10 s");
        progress.scoring(220_700);
        progress.tick();
        clock.addAndGet(2 * SECOND);
        for (int i = 1; i < 20_000; i++) {
            progress.tick();
        }
        // 20,000 results in 2 s: 10,000/s, 200,700 left take 21 s (rounded up).
        assertThat(progress.line()).isEqualTo("scoring… 20,000 of 220,700 results, 10,000/s, ETA 21 s, 12 s");
    }

    @Test
    void theEtaSaysMinutesAndHoursAndNothingWhenItCannotBeTold() {
        assertThat(Progress.eta(1, 1_001, 1)).isEqualTo(", ETA 16 min 40 s");
        assertThat(Progress.eta(1, 3 * 3600 + 421, 1)).isEqualTo(", ETA 3 h 07 min");
        assertThat(Progress.eta(0, 100, 0)).as("nothing done yet").isEmpty();
        assertThat(Progress.eta(5, 0, 1)).as("no total").isEmpty();
        assertThat(Progress.eta(120, 100, 1)).as("more than the estimate: it is wrong").isEmpty();
        assertThat(Progress.duration(59)).isEqualTo("59 s");
        assertThat(Progress.duration(60)).isEqualTo("1 min 00 s");
    }

    private static ReadProgress bytes(AtomicLong read, long total) {
        return new ReadProgress() {
            public long read() { return read.get(); }
            public long total() { return total; }
        };
    }
}
