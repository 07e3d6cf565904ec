package io.mli.rag.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The rag-agent service: a thin Spring Boot shell over its engine. */
@SpringBootApplication
public class RagAgentApplication {
    public static void main(String[] args) {
        SpringApplication.run(RagAgentApplication.class, args);
    }
}
