package io.mli.hybrid.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The hybrid-agent service: a thin Spring Boot shell over its engine. */
@SpringBootApplication
public class HybridAgentApplication {
    public static void main(String[] args) {
        SpringApplication.run(HybridAgentApplication.class, args);
    }
}
