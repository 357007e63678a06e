package eu.clusternews.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import eu.clusternews.pipeline.PipelineRunner.ReplacementBudget;
import org.junit.jupiter.api.Test;

class ReplacementBudgetTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final ReplacementBudget budget = new ReplacementBudget(3, Duration.ofMinutes(10), now::get);

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void grantsThreeReplacementsWithinTenMinutesAndRefusesTheFourth() {
        assertThat(budget.tryAcquire()).isTrue();
        advance(Duration.ofMinutes(1));
        assertThat(budget.tryAcquire()).isTrue();
        advance(Duration.ofMinutes(1));
        assertThat(budget.tryAcquire()).isTrue();
        advance(Duration.ofMinutes(1));
        assertThat(budget.tryAcquire()).isFalse();
    }

    @Test
    void refillsAsOldReplacementsLeaveTheWindowSoALongLivedProcessIsNotShutDownForRareDeaths() {
        for (int day = 0; day < 30; day++) {
            assertThat(budget.tryAcquire()).as("the death on day %d", day).isTrue();
            advance(Duration.ofDays(1));
        }
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isFalse();
        advance(Duration.ofMinutes(10));
        assertThat(budget.tryAcquire()).isTrue();
    }
}
