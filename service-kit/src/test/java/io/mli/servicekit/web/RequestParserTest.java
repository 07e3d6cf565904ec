package io.mli.servicekit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mli.common.domain.LanguageHint;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import io.mli.common.io.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

class RequestParserTest {

    private static JsonNode json(String s) {
        return Json.MAPPER.readTree(s);
    }

    private static void refused(String body, HttpStatus status, String detailPart) {
        assertThatThrownBy(() -> RequestParser.parse(json(body)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.getMessage()).contains(detailPart);
                });
    }

    @Test
    void defaultsAndAllFields() {
        ParsedInference p = RequestParser.parse(json("{\"product_name\": \"Eucerin lotion\"}"));
        assertThat(p.request().title()).isEqualTo("Eucerin lotion");
        assertThat(p.request().languageHint()).isEqualTo(LanguageHint.AUTO);
        assertThat(p.request().topK()).isEqualTo(3);
        assertThat(p.method()).isEqualTo(Method.ORCHESTRATOR);
        assertThat(p.mode()).isEqualTo(Mode.CASCADE);

        p = RequestParser.parse(json("{\"title\": \"ครีม\", \"language_hint\": \"TH\", \"method\": \"ner\","
                + " \"mode\": \"all\", \"top_k\": 7, \"extra\": 1}"));
        assertThat(p.request().title()).isEqualTo("ครีม");
        assertThat(p.request().languageHint()).isEqualTo(LanguageHint.TH);
        assertThat(p.request().topK()).isEqualTo(7);
        assertThat(p.method()).isEqualTo(Method.NER);
        assertThat(p.mode()).isEqualTo(Mode.ALL);
    }

    @Test
    void badTitles() {
        refused("{}", HttpStatus.BAD_REQUEST, "product_name is required");
        refused("{\"product_name\": null}", HttpStatus.BAD_REQUEST, "product_name is required");
        refused("{\"product_name\": \"  \\t \"}", HttpStatus.BAD_REQUEST, "blank");
        refused("{\"product_name\": 42}", HttpStatus.BAD_REQUEST, "must be a string, not a number");
        refused("{\"product_name\": [\"a\"]}", HttpStatus.BAD_REQUEST, "not an array");
        refused("{\"product_name\": \"" + "a".repeat(1001) + "\"}", HttpStatus.BAD_REQUEST, "limit is 1,000");
        refused("{\"product_name\": \"\\u0001\\u0002 \\u200b\\u0007\"}", HttpStatus.BAD_REQUEST,
                "only control characters");
        refused("[1, 2]", HttpStatus.BAD_REQUEST, "must be a JSON object");
        assertThat(RequestParser.parse(json("{\"product_name\": \"" + "a".repeat(1000) + "\"}")).request()
                .title()).hasSize(1000);
    }

    @Test
    void badOptions() {
        refused("{\"product_name\": \"x\", \"method\": \"magic\"}", HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown method 'magic'");
        refused("{\"product_name\": \"x\", \"mode\": \"some\"}", HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown mode 'some'");
        refused("{\"product_name\": \"x\", \"language_hint\": \"fr\"}", HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown language_hint 'fr'");
        refused("{\"product_name\": \"x\", \"method\": 3}", HttpStatus.BAD_REQUEST, "method must be a string");
        refused("{\"product_name\": \"x\", \"top_k\": \"3\"}", HttpStatus.BAD_REQUEST, "top_k must be an integer");
        refused("{\"product_name\": \"x\", \"top_k\": 2.5}", HttpStatus.BAD_REQUEST, "top_k must be an integer");
        refused("{\"product_name\": \"x\", \"top_k\": 11}", HttpStatus.BAD_REQUEST, "from 1 to 10");
        refused("{\"product_name\": \"x\", \"top_k\": 0}", HttpStatus.BAD_REQUEST, "from 1 to 10");
    }

    @Test
    void batchKeepsOrderAndPerItemErrors() {
        List<RequestParser.BatchEntry> entries = RequestParser.parseBatch(json("{\"method\": \"ner\", \"items\": ["
                + "{\"id\": \"a\", \"product_name\": \"Eucerin\"}, {\"id\": \"b\", \"product_name\": \"\"},"
                + " 7, {\"product_name\": \"Nivea\", \"method\": \"rag\"}]}"));
        assertThat(entries).extracting(RequestParser.BatchEntry::index).containsExactly(0, 1, 2, 3);
        assertThat(entries.get(0).id()).isEqualTo("a");
        assertThat(entries.get(0).parsed().method()).isEqualTo(Method.NER);
        assertThat(entries.get(1).error().getMessage()).contains("items[1].product_name is blank");
        assertThat(entries.get(2).error().getMessage()).contains("items[2] must be a JSON object");
        assertThat(entries.get(3).parsed().method()).isEqualTo(Method.RAG);
    }

    @Test
    void batchLimits() {
        StringBuilder many = new StringBuilder("{\"items\": [");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("{\"product_name\": \"t").append(i).append("\"}");
        }
        many.append("]}");
        assertThatThrownBy(() -> RequestParser.parseBatch(json(many.toString())))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("at most 1000 items; this one has 1001");
                });
        assertThatThrownBy(() -> RequestParser.parseBatch(json("{\"items\": {}}")))
                .hasMessageContaining("items must be an array");
        assertThatThrownBy(() -> RequestParser.parseBatch(json("{\"items\": [], \"mode\": \"x\"}")))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));
    }
}
