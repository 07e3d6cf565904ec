package io.mli.llm.engine;

import io.mli.common.io.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The model's answer, parsed strictly: a JSON object with {@code brand} (string or null), {@code confidence} (a
 * number in [0, 1]) and {@code evidence} (string). Anything else (prose, a code fence, a missing or mistyped field,
 * a percentage for confidence) is rejected rather than guessed at; extra fields are ignored. A blank brand means none.
 */
public record ModelAnswer(String brand, double confidence, String evidence) {

    /** The model's text could not be read as an answer. */
    public static final class MalformedAnswerException extends Exception {
        public MalformedAnswerException(String message) {
            super(message);
        }
    }

    public static ModelAnswer parse(String json) throws MalformedAnswerException {
        if (json == null || json.isBlank()) {
            throw new MalformedAnswerException("empty answer");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedAnswerException("not JSON: " + abbreviate(json));
        }
        if (root == null || !root.isObject()) {
            throw new MalformedAnswerException("not a JSON object: " + abbreviate(json));
        }
        JsonNode brand = root.get("brand");
        JsonNode confidence = root.get("confidence");
        JsonNode evidence = root.get("evidence");
        if (brand == null || !(brand.isNull() || brand.isString())) {
            throw new MalformedAnswerException("\"brand\" must be a string or null");
        }
        if (confidence == null || !confidence.isNumber()) {
            throw new MalformedAnswerException("\"confidence\" must be a number");
        }
        double c = confidence.asDouble();
        if (!(c >= 0 && c <= 1)) {
            throw new MalformedAnswerException("\"confidence\" must be between 0 and 1, not " + c);
        }
        if (evidence == null || !evidence.isString()) {
            throw new MalformedAnswerException("\"evidence\" must be a string");
        }
        String b = brand.isNull() ? null : brand.asString().strip();
        return new ModelAnswer(b == null || b.isEmpty() ? null : b, c, evidence.asString().strip());
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }
}
