package io.vectorless.query.navigate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BM25 over items with weighted fields (a simple BM25F: field term frequencies are summed with their weights before
 * saturation). Deterministic: ties keep insertion order.
 */
public final class Bm25 {
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    /** One searchable item: its key and its fields' text with a weight each. */
    public record Item(String key, List<Field> fields) {
    }

    public record Field(String name, String text, double weight) {
    }

    /** A scored item and, per field name, the query terms that matched there. */
    public record Hit(String key, double score, Map<String, List<String>> matches) {
    }

    private record Indexed(Item item, List<Map<String, Integer>> tf, double length) {
    }

    private final List<Indexed> items = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private double averageLength;

    public Bm25(List<Item> input) {
        double total = 0;
        for (Item item : input) {
            List<Map<String, Integer>> tfs = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            double length = 0;
            for (Field field : item.fields()) {
                Map<String, Integer> tf = new HashMap<>();
                List<String> tokens = Tokenizer.tokens(field.text());
                for (String token : tokens) {
                    tf.merge(token, 1, Integer::sum);
                    seen.add(token);
                }
                tfs.add(tf);
                length += tokens.size() * field.weight();
            }
            seen.forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
            items.add(new Indexed(item, tfs, length));
            total += length;
        }
        averageLength = items.isEmpty() ? 1 : Math.max(1, total / items.size());
    }

    public int size() {
        return items.size();
    }

    public double idf(String term) {
        int df = documentFrequency.getOrDefault(term, 0);
        return Math.log(1 + (items.size() - df + 0.5) / (df + 0.5));
    }

    /** Items with a positive score, best first. */
    public List<Hit> search(List<String> queryTerms) {
        List<String> terms = queryTerms.stream().distinct().toList();
        List<Hit> hits = new ArrayList<>();
        for (Indexed indexed : items) {
            double score = 0;
            Map<String, List<String>> matches = new LinkedHashMap<>();
            for (String term : terms) {
                double weighted = 0;
                for (int f = 0; f < indexed.tf().size(); f++) {
                    int count = indexed.tf().get(f).getOrDefault(term, 0);
                    if (count > 0) {
                        Field field = indexed.item().fields().get(f);
                        weighted += count * field.weight();
                        matches.computeIfAbsent(field.name(), k -> new ArrayList<>()).add(term);
                    }
                }
                if (weighted > 0) {
                    double norm = K1 * (1 - B + B * indexed.length() / averageLength);
                    score += idf(term) * weighted * (K1 + 1) / (weighted + norm);
                }
            }
            if (score > 0) {
                hits.add(new Hit(indexed.item().key(), score, matches));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return hits;
    }

    /** The leading hits that stand clearly above the rest: within {@code ratio} of the best, at most {@code max}. */
    public static List<Hit> leaders(List<Hit> hits, int max, double ratio) {
        List<Hit> out = new ArrayList<>();
        if (hits.isEmpty()) {
            return out;
        }
        double best = hits.get(0).score();
        for (Hit hit : hits) {
            if (out.size() >= max || hit.score() < best * ratio) {
                break;
            }
            out.add(hit);
        }
        return out;
    }
}
