package io.mli.ner.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The ner-agent service: a thin Spring Boot shell over its engine. */
@SpringBootApplication
public class NerAgentApplication {
    public static void main(String[] args) {
        SpringApplication.run(NerAgentApplication.class, args);
    }
}
