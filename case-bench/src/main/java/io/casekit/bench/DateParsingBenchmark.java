package io.casekit.bench;

import io.casekit.core.WireFormats;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Why {@code dueDate} is parsed by written-out code: the strict {@code uuuu-MM-dd HH:mm:ss}
 * formatter, which the written-out parser is held equal to by a property test, against it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DateParsingBenchmark {
    public String text = "2023-06-20 00:00:00";

    @Benchmark
    public Optional<LocalDateTime> writtenOut() {
        return WireFormats.parseDateTime(text);
    }

    @Benchmark
    public LocalDateTime strictFormatter() {
        return LocalDateTime.parse(text, WireFormats.DATE_TIME);
    }
}
