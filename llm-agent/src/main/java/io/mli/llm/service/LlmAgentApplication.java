package io.mli.llm.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The llm-agent service: a thin Spring Boot shell over its engine. */
@SpringBootApplication
public class LlmAgentApplication {
    public static void main(String[] args) {
        SpringApplication.run(LlmAgentApplication.class, args);
    }
}
