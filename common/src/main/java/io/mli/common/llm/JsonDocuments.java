package io.mli.common.llm;

import io.mli.common.io.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/** Converts between JSON text and the AWS SDK's {@link Document} (Converse tool schemas and tool inputs). */
final class JsonDocuments {
    private JsonDocuments() {
    }

    static Document fromJson(String json) {
        return toDocument(Json.MAPPER.readValue(json, Object.class));
    }

    static String toJson(Document document) {
        return Json.MAPPER.writeValueAsString(toPlain(document));
    }

    private static Document toDocument(Object value) {
        return switch (value) {
            case null -> Document.fromNull();
            case Map<?, ?> map -> {
                Map<String, Document> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), toDocument(v)));
                yield Document.fromMap(out);
            }
            case List<?> list -> Document.fromList(list.stream().map(JsonDocuments::toDocument).toList());
            case String s -> Document.fromString(s);
            case Boolean b -> Document.fromBoolean(b);
            case Number n -> Document.fromNumber(new BigDecimal(n.toString()));
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        };
    }

    private static Object toPlain(Document d) {
        if (d == null || d.isNull()) {
            return null;
        }
        if (d.isMap()) {
            Map<String, Object> out = new LinkedHashMap<>();
            d.asMap().forEach((k, v) -> out.put(k, toPlain(v)));
            return out;
        }
        if (d.isList()) {
            List<Object> out = new ArrayList<>();
            d.asList().forEach(v -> out.add(toPlain(v)));
            return out;
        }
        if (d.isString()) {
            return d.asString();
        }
        if (d.isBoolean()) {
            return d.asBoolean();
        }
        if (d.isNumber()) {
            SdkNumber n = d.asNumber();
            return n.bigDecimalValue();
        }
        throw new IllegalArgumentException("unsupported document: " + d);
    }
}
