package io.vectorless.support.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The pipeline's metric names and how each is recorded, in one place: stage timers with histograms (so dashboards
 * can draw percentiles across replicas), pages processed (pages/s is its rate), and failures by reason category.
 * The dashboard in {@code deploy/grafana} and the alert rules in {@code deploy/prometheus} query these names.
 */
public class PipelineMeters {
    /** Time spent in one stage of one document: {@code stage} = parse, tree, summaries, store, parsed_to_indexed. */
    public static final String STAGE_DURATION = "vectorless.stage.duration";
    /** Time from the start of a document's run (upload, replace, re-index) to {@code until} = parsed, indexed, failed. */
    public static final String PIPELINE_DURATION = "vectorless.pipeline.duration";
    /** Pages through a stage ({@code stage} = parsed, indexed); pages/s is its rate. */
    public static final String PAGES = "vectorless.pages";
    /** Documents that failed for good, by {@code reason} category ({@link FailureReason}) and {@code service}. */
    public static final String FAILURES = "vectorless.documents.failures";
    /** Records this service sent to a dead-letter topic. */
    public static final String DEAD_LETTERS = "vectorless.kafka.dead.letters";

    private final MeterRegistry registry;

    public PipelineMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Registers the named stages up front, so they are exported (as zeros) before the first document. */
    public PipelineMeters declareStages(String... stages) {
        for (String stage : stages) {
            stageTimer(stage);
        }
        return this;
    }

    public <T> T timeStage(String stage, Supplier<T> work) {
        Timer.Sample sample = Timer.start(registry);
        try {
            return work.get();
        } finally {
            sample.stop(stageTimer(stage));
        }
    }

    public void recordStage(String stage, Duration duration) {
        stageTimer(stage).record(duration.isNegative() ? Duration.ZERO : duration);
    }

    /** Time since {@code since} (an event's {@code occurredAt}), for spans that cross services. */
    public void recordStageSince(String stage, Instant since) {
        if (since != null) {
            recordStage(stage, Duration.between(since, Instant.now()));
        }
    }

    public void recordPipeline(String until, Duration duration) {
        pipelineTimer(until).record(duration.isNegative() ? Duration.ZERO : duration);
    }

    /** Registers the end-to-end timer up front, so it is exported (as zeros) before the first document. */
    public void declarePipeline(String until) {
        pipelineTimer(until);
    }

    private Timer pipelineTimer(String until) {
        return histogram(Timer.builder(PIPELINE_DURATION).tag("until", until)
                .description("Time from the start of a document's run to the stage")).register(registry);
    }

    public void pages(String stage, long pages) {
        pagesCounter(stage).increment(Math.max(0, pages));
    }

    public Counter pagesCounter(String stage) {
        return Counter.builder(PAGES).tag("stage", stage).baseUnit("pages").description("Pages through a stage")
                .register(registry);
    }

    public void failure(String service, FailureReason reason) {
        failureCounter(service, reason).increment();
    }

    /** Every reason of this service at zero, so rates and alerts work from the first scrape. */
    public void declareFailures(String service) {
        for (FailureReason reason : FailureReason.values()) {
            failureCounter(service, reason);
        }
    }

    public void deadLetter(String topic) {
        Counter.builder(DEAD_LETTERS).tag("topic", topic).description("Records sent to a dead-letter topic")
                .register(registry).increment();
    }

    private Counter failureCounter(String service, FailureReason reason) {
        return Counter.builder(FAILURES).tag("service", service).tag("reason", reason.tag())
                .description("Documents that failed for good, by reason category").register(registry);
    }

    private Timer stageTimer(String stage) {
        return histogram(Timer.builder(STAGE_DURATION).tag("stage", stage)
                .description("Time spent in one pipeline stage for one document")).register(registry);
    }

    /** Buckets from 10 ms to 30 min: a short Markdown file to a 1,000-page book with LLM summaries. */
    static Timer.Builder histogram(Timer.Builder builder) {
        return builder.publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(30));
    }
}
