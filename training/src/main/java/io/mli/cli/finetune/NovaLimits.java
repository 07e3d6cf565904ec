package io.mli.cli.finetune;

import java.util.List;
import java.util.Locale;

/**
 * What Amazon Bedrock accepts for fine-tuning Amazon Nova understanding models (Micro, Lite, Pro) on
 * {@code bedrock-conversation-2024} data. Sources: the Bedrock and Nova user guides (record counts, file sizes,
 * reserved words, hyper-parameter ranges) and AWS's own Nova dataset validator (8 to 20,000 samples). Where the
 * guides give no number, a conservative one is used and says so.
 */
public final class NovaLimits {
    public static final String SCHEMA_VERSION = "bedrock-conversation-2024";
    /** Fewest training records a job accepts. */
    public static final int MIN_TRAINING_RECORDS = 8;
    /** Most records in one job, training and validation together (the service quota's default). */
    public static final int MAX_TOTAL_RECORDS = 20_000;
    /** Conservative cap on validation records (validation only reports loss; more does not help). */
    public static final int MAX_VALIDATION_RECORDS = 1_000;
    /** Conservative per-record size, in estimated tokens, well inside every Nova model's context. */
    public static final int MAX_RECORD_TOKENS = 32_000;
    public static final long MAX_TRAINING_BYTES = 1L << 30;
    public static final long MAX_VALIDATION_BYTES = 100L << 20;
    /** The recommended minimum: the guides suggest at least 100 examples per task. */
    public static final int RECOMMENDED_MIN_RECORDS = 100;
    /** Fine-tunable base models on Bedrock (the context-length suffix is part of the id). */
    public static final List<String> BASE_MODELS = List.of("amazon.nova-micro-v1:0:128k",
            "amazon.nova-lite-v1:0:300k", "amazon.nova-pro-v1:0:300k");
    /** Words Nova's training treats as turn markers; a record containing one fails the whole job. */
    static final List<String> RESERVED = List.of("system:", "user:", "bot:", "assistant:", "thought:", "[eos]",
            "<image>", "<video>", "<unk>");

    public static final int MIN_EPOCHS = 1;
    public static final int MAX_EPOCHS = 5;
    public static final double MIN_LEARNING_RATE = 1e-6;
    public static final double MAX_LEARNING_RATE = 1e-4;
    public static final int MAX_WARMUP_STEPS = 100;

    private NovaLimits() {
    }

    /** The first reserved word in {@code text} (case-insensitive), or null. */
    public static String reservedWordIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return RESERVED.stream().filter(lower::contains).findFirst().orElse(null);
    }

    /**
     * An upper-bound token estimate: one token per code point. Sub-word tokenizers produce fewer for Latin text and
     * about as many for Thai, so a record under the limit by this count is under it for real.
     */
    public static int estimateTokens(String text) {
        return text.codePointCount(0, text.length());
    }
}
