package io.mli.cli.finetune;

import io.mli.common.io.CatalogRow;
import io.mli.common.io.Json;
import io.mli.common.kb.KnowledgeBase;
import io.mli.llm.engine.AnswerChecker;
import io.mli.llm.engine.BrandPrompt;
import io.mli.llm.engine.Candidate;
import io.mli.llm.engine.CandidateFinder;
import io.mli.llm.engine.InjectionGuard;
import io.mli.llm.engine.ModelAnswer;
import io.mli.common.domain.Span;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a labelled catalog into Bedrock fine-tuning data for Nova: one {@code bedrock-conversation-2024} record per
 * title, with the agent's own system prompt, the agent's own user turn (title and knowledge-base candidates, exactly
 * as {@link io.mli.llm.engine.LlmAgentEngine} would send it) and the JSON answer as the assistant turn. So the
 * fine-tuned model learns the very exchange it will serve.
 *
 * <p>The target answer follows the agent's rule: a labelled brand that the title does not carry (in any script or
 * alias, or as a candidate) cannot be found from the title, so the target is an abstention ({@code brand: null})
 * unless {@code skipUnfound}, which drops such rows instead. Duplicated titles, rows whose text holds a word Nova
 * reserves, and records over the size limit are dropped and counted.
 */
public final class FinetuneDataset {

    /** How to build the data. */
    public record Options(double validationFraction, long seed, int maxRecords, boolean skipUnfound,
                          int maxCandidates) {
        public Options {
            if (validationFraction < 0 || validationFraction >= 1) {
                throw new IllegalArgumentException("validation fraction must be in [0, 1)");
            }
            if (maxRecords < NovaLimits.MIN_TRAINING_RECORDS || maxRecords > NovaLimits.MAX_TOTAL_RECORDS) {
                throw new IllegalArgumentException("max records must be between " + NovaLimits.MIN_TRAINING_RECORDS
                        + " and " + NovaLimits.MAX_TOTAL_RECORDS);
            }
        }

        public static Options defaults() {
            return new Options(0.1, 42, NovaLimits.MAX_TOTAL_RECORDS, false, 12);
        }
    }

    /** What was written, and what was left out and why. */
    public record Report(int rows, int training, int validation, int brandInTitle, int abstentions,
                         Map<String, Integer> dropped, List<String> warnings, Path trainingFile,
                         Path validationFile) {
    }

    /** The data does not meet Bedrock's limits; the message says which and by how much. */
    public static final class LimitException extends Exception {
        public LimitException(String message) {
            super(message);
        }
    }

    private final KnowledgeBase kb;
    private final CandidateFinder candidates;
    private final AnswerChecker checker;

    public FinetuneDataset(KnowledgeBase kb) {
        this.kb = kb;
        this.candidates = new CandidateFinder(kb);
        this.checker = new AnswerChecker(kb);
    }

    public Report write(List<CatalogRow> rows, Path outDir, Options options) throws IOException, LimitException {
        Map<String, Integer> dropped = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        List<String> records = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int inTitle = 0;
        int abstentions = 0;
        for (CatalogRow row : rows) {
            String title = row.title() == null ? "" : row.title().strip();
            if (title.isEmpty()) {
                count(dropped, "empty title");
                continue;
            }
            if (!seen.add(title)) {
                count(dropped, "duplicate title");
                continue;
            }
            List<Span> injected = InjectionGuard.find(title);
            List<Candidate> offered = candidates.find(title, List.of(), injected, options.maxCandidates());
            String answer;
            String brand = row.brand() == null ? "" : row.brand().strip();
            AnswerChecker.Verdict verdict = brand.isEmpty() ? null
                    : checker.check(title, new ModelAnswer(brand, 1.0, ""), offered, injected);
            if (verdict instanceof AnswerChecker.Accepted a) {
                String evidence = a.brand().evidence().isEmpty() || a.brand().evidence().getFirst().span() == null
                        ? a.brand().name() : a.brand().evidence().getFirst().span().text();
                answer = BrandPrompt.answer(brand, 0.95, evidence);
            } else if (options.skipUnfound() && !brand.isEmpty()) {
                count(dropped, "brand not in title");
                continue;
            } else {
                answer = BrandPrompt.answer(null, 0.9, brand.isEmpty() ? "no brand is written in the title"
                        : "the title does not name its brand");
            }
            String user = BrandPrompt.userMessage(title, offered);
            String reserved = NovaLimits.reservedWordIn(user + "\n" + answer);
            if (reserved != null) {
                count(dropped, "reserved word " + reserved);
                continue;
            }
            String record = record(user, answer);
            if (NovaLimits.estimateTokens(record) > NovaLimits.MAX_RECORD_TOKENS) {
                count(dropped, "record too long");
                continue;
            }
            records.add(record);
            if (verdict instanceof AnswerChecker.Accepted) {
                inTitle++;
            } else {
                abstentions++;
            }
        }
        if (NovaLimits.reservedWordIn(BrandPrompt.SYSTEM_PROMPT) != null) {
            throw new LimitException("the system prompt holds a word Nova reserves: "
                    + NovaLimits.reservedWordIn(BrandPrompt.SYSTEM_PROMPT));
        }
        Collections.shuffle(records, new Random(options.seed()));
        if (records.size() > options.maxRecords()) {
            warnings.add("kept " + options.maxRecords() + " of " + records.size() + " records (the job limit is "
                    + NovaLimits.MAX_TOTAL_RECORDS + " training and validation records together)");
            count(dropped, "over the record limit", records.size() - options.maxRecords());
            records = new ArrayList<>(records.subList(0, options.maxRecords()));
        }
        int validation = Math.min(NovaLimits.MAX_VALIDATION_RECORDS,
                (int) Math.round(records.size() * options.validationFraction()));
        int training = records.size() - validation;
        if (training < NovaLimits.MIN_TRAINING_RECORDS) {
            throw new LimitException("only " + training + " training records; Bedrock needs at least "
                    + NovaLimits.MIN_TRAINING_RECORDS + " (" + rows.size() + " catalog rows, dropped: " + dropped + ")");
        }
        if (training < NovaLimits.RECOMMENDED_MIN_RECORDS) {
            warnings.add("only " + training + " training records; the Nova guide recommends at least "
                    + NovaLimits.RECOMMENDED_MIN_RECORDS);
        }
        Files.createDirectories(outDir);
        Path trainFile = outDir.resolve("train.jsonl");
        Path validationFile = outDir.resolve("validation.jsonl");
        writeLines(trainFile, records.subList(validation, records.size()));
        writeLines(validationFile, records.subList(0, validation));
        if (Files.size(trainFile) > NovaLimits.MAX_TRAINING_BYTES) {
            throw new LimitException(trainFile + " is " + Files.size(trainFile) + " bytes; the limit is "
                    + NovaLimits.MAX_TRAINING_BYTES);
        }
        if (Files.size(validationFile) > NovaLimits.MAX_VALIDATION_BYTES) {
            throw new LimitException(validationFile + " is " + Files.size(validationFile) + " bytes; the limit is "
                    + NovaLimits.MAX_VALIDATION_BYTES);
        }
        Report report = new Report(rows.size(), training, validation, inTitle, abstentions, dropped, warnings,
                trainFile, validation == 0 ? null : validationFile);
        if (validation == 0) {
            Files.delete(validationFile);
        }
        writeManifest(outDir, report, options);
        return report;
    }

    static String record(String user, String answer) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("schemaVersion", NovaLimits.SCHEMA_VERSION);
        r.put("system", List.of(Map.of("text", BrandPrompt.SYSTEM_PROMPT)));
        r.put("messages", List.of(turn("user", user), turn("assistant", answer)));
        return Json.MAPPER.writeValueAsString(r);
    }

    private static Map<String, Object> turn(String role, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("content", List.of(Map.of("text", text)));
        return m;
    }

    private void writeManifest(Path outDir, Report report, Options options) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", NovaLimits.SCHEMA_VERSION);
        m.put("knowledgeBase", kb.version());
        m.put("catalogRows", report.rows());
        m.put("training", report.training());
        m.put("validation", report.validation());
        m.put("brandInTitle", report.brandInTitle());
        m.put("abstentions", report.abstentions());
        m.put("dropped", report.dropped());
        m.put("warnings", report.warnings());
        m.put("seed", options.seed());
        m.put("validationFraction", options.validationFraction());
        m.put("systemPromptSha256", sha256(BrandPrompt.SYSTEM_PROMPT));
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(outDir.resolve("manifest.json").toFile(), m);
    }

    private static void writeLines(Path file, List<String> lines) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String l : lines) {
                w.write(l);
                w.write('\n');
            }
        }
    }

    private static void count(Map<String, Integer> counts, String why) {
        count(counts, why, 1);
    }

    private static void count(Map<String, Integer> counts, String why, int n) {
        counts.merge(why, n, Integer::sum);
    }

    static String sha256(String s) {
        try {
            var d = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(d.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
