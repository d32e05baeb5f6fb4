package io.vectorless.indexer.summary;

import io.vectorless.indexer.tree.BuiltTree;
import io.vectorless.indexer.tree.TextCuts;
import io.vectorless.schema.tree.TreeNode;
import io.vectorless.core.llm.ChatMessage;
import io.vectorless.core.llm.ChatRequest;
import io.vectorless.core.llm.ChatResult;
import io.vectorless.core.llm.LlmClient;
import io.vectorless.core.llm.LlmException;
import io.vectorless.core.llm.LlmUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes one LLM summary per node and the root's, bottom-up: nodes are taken in waves by height (leaves first), so a
 * parent is summarized from its children's summaries plus the start of its own text. Each wave's sections are packed
 * into as few calls as the token budget allows, run with bounded concurrency. A missing or unreadable answer is
 * asked again once; after that, and for everything left once the LLM is unavailable, the quick summary stays.
 */
public final class LlmSummarizer {
    private static final Logger log = LoggerFactory.getLogger(LlmSummarizer.class);
    private static final int CHILD_SUMMARY_CHARS = 300;
    private static final int ROOT_OPENING_CHARS = 1_500;

    private final LlmClient llm;
    private final SummaryOptions options;
    private final SummaryPrompts prompts = new SummaryPrompts();

    public LlmSummarizer(LlmClient llm, SummaryOptions options) {
        this.llm = llm;
        this.options = options;
    }

    /** Reports summarized nodes out of all nodes (root included) as work completes. */
    @FunctionalInterface
    public interface Progress {
        void done(int summarized, int total);
    }

    public SummaryOutcome summarize(BuiltTree tree, Progress progress) {
        Run run = new Run(tree, progress);
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), task -> {
            Thread thread = new Thread(task, "summarizer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (List<TreeNode> wave : wavesByHeight(tree.root())) {
                List<Future<?>> futures = new ArrayList<>();
                for (List<SummaryPrompts.Section> batch : pack(run.sections(wave))) {
                    futures.add(pool.submit(() -> run.summarizeBatch(batch)));
                }
                for (Future<?> future : futures) {
                    await(future);
                }
            }
            run.summarizeRoot();
        } finally {
            pool.shutdownNow();
        }
        return run.outcome();
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while summarizing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("summarizing failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Non-root nodes grouped by height: leaves first, then their parents, and so on. */
    static List<List<TreeNode>> wavesByHeight(TreeNode root) {
        List<List<TreeNode>> waves = new ArrayList<>();
        for (TreeNode child : root.children()) {
            height(child, waves);
        }
        return waves;
    }

    private static int height(TreeNode node, List<List<TreeNode>> waves) {
        int height = 0;
        for (TreeNode child : node.children()) {
            height = Math.max(height, height(child, waves) + 1);
        }
        while (waves.size() <= height) {
            waves.add(new ArrayList<>());
        }
        waves.get(height).add(node);
        return height;
    }

    private List<List<SummaryPrompts.Section>> pack(List<SummaryPrompts.Section> sections) {
        List<List<SummaryPrompts.Section>> batches = new ArrayList<>();
        List<SummaryPrompts.Section> current = new ArrayList<>();
        int tokens = 0;
        for (SummaryPrompts.Section section : sections) {
            int size = SummaryPrompts.tokens(section);
            if (!current.isEmpty() && (tokens + size > options.batchTokens()
                    || current.size() >= options.maxNodesPerBatch())) {
                batches.add(current);
                current = new ArrayList<>();
                tokens = 0;
            }
            current.add(section);
            tokens += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** The state of one document's summarizing. */
    private final class Run {
        private final BuiltTree tree;
        private final Progress progress;
        private final Map<String, TreeNode> byId = new HashMap<>();
        private final Map<String, String> summaries = new ConcurrentHashMap<>();
        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicInteger fallbacks = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicReference<String> unavailable = new AtomicReference<>();
        private final int total;

        Run(BuiltTree tree, Progress progress) {
            this.tree = tree;
            this.progress = progress;
            for (TreeNode node : tree.nodes()) {
                byId.put(node.nodeId(), node);
            }
            this.total = byId.size();
        }

        /** The wave's nodes worth a call; empty leaves keep their (empty) quick summary. */
        List<SummaryPrompts.Section> sections(List<TreeNode> wave) {
            List<SummaryPrompts.Section> sections = new ArrayList<>();
            for (TreeNode node : wave) {
                if (node.text().isBlank() && node.children().isEmpty()) {
                    advance(1);
                    continue;
                }
                List<String> childLines = new ArrayList<>();
                for (TreeNode child : node.children()) {
                    childLines.add("[" + child.nodeId() + "] " + child.title() + ": "
                            + TextCuts.snippet(summaryOf(child), CHILD_SUMMARY_CHARS));
                }
                int textChars = node.children().isEmpty() ? options.maxInputChars() : options.maxInputChars() / 3;
                sections.add(new SummaryPrompts.Section(node.nodeId(), node.title(), node.pages(),
                        excerpt(node.text(), textChars), childLines));
            }
            return sections;
        }

        void summarizeBatch(List<SummaryPrompts.Section> batch) {
            Map<String, String> answered = ask(batch);
            List<SummaryPrompts.Section> missing = batch.stream()
                    .filter(section -> !answered.containsKey(section.nodeId())).toList();
            if (!missing.isEmpty()) {
                answered.putAll(ask(missing));
            }
            for (SummaryPrompts.Section section : batch) {
                String summary = answered.get(section.nodeId());
                if (summary == null) {
                    fallbacks.incrementAndGet();
                } else {
                    summaries.put(section.nodeId(), summary);
                }
            }
            advance(batch.size());
        }

        private Map<String, String> ask(List<SummaryPrompts.Section> sections) {
            ChatResult result = call(prompts.nodes(tree.docTitle(), sections), true);
            if (result == null) {
                return new HashMap<>();
            }
            Set<String> wanted = new LinkedHashSet<>();
            sections.forEach(section -> wanted.add(section.nodeId()));
            Map<String, String> answered = new HashMap<>(SummaryResponseParser.nodeSummaries(result.content()));
            answered.keySet().retainAll(wanted);
            return answered;
        }

        void summarizeRoot() {
            TreeNode root = tree.root();
            List<String> lines = new ArrayList<>();
            for (TreeNode child : root.children()) {
                lines.add(child.title() + (child.pages().isEmpty() ? "" : " (" + child.pages() + ")") + ": "
                        + TextCuts.snippet(summaryOf(child), CHILD_SUMMARY_CHARS));
            }
            String opening = root.text().isBlank() && !root.children().isEmpty()
                    ? root.children().get(0).text() : root.text();
            ChatResult result = call(prompts.root(tree.docTitle(), tree.pageCount(), lines,
                    excerpt(opening, ROOT_OPENING_CHARS)), false);
            String summary = result == null ? "" : SummaryResponseParser.plainSummary(result.content());
            if (summary.isEmpty()) {
                fallbacks.incrementAndGet();
            } else {
                summaries.put(TreeNode.ROOT_ID, summary);
            }
            advance(1);
        }

        private ChatResult call(List<ChatMessage> messages, boolean json) {
            if (unavailable.get() != null) {
                return null;
            }
            ChatRequest request = new ChatRequest(options.model(), "summary", messages, null, null, json);
            try {
                calls.incrementAndGet();
                return llm.chat(request);
            } catch (LlmUnavailableException | LlmException e) {
                if (unavailable.compareAndSet(null, e.getMessage())) {
                    log.warn("LLM unavailable while summarizing '{}', quick summaries from here on: {}",
                            tree.docTitle(), e.getMessage());
                }
                return null;
            }
        }

        private String summaryOf(TreeNode node) {
            return summaries.getOrDefault(node.nodeId(), node.summary());
        }

        private void advance(int nodes) {
            progress.done(done.addAndGet(nodes), total);
        }

        SummaryOutcome outcome() {
            List<String> warnings = new ArrayList<>();
            if (unavailable.get() != null) {
                warnings.add("LLM summaries stopped (" + unavailable.get() + "); " + fallbacks.get()
                        + " of " + total + " summaries are quick summaries");
            } else if (fallbacks.get() > 0) {
                warnings.add("the LLM gave no usable summary for " + fallbacks.get() + " of " + total
                        + " nodes; quick summaries kept for them");
            }
            return new SummaryOutcome(tree.withSummaries(summaries), calls.get(), fallbacks.get(), warnings);
        }
    }

    private static String excerpt(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text.strip();
        }
        return TextCuts.snippet(text, maxChars);
    }
}
