package io.mli.common.domain;

/** How one agent's part in an inference ended. Serialised in lower case. */
public enum AgentStatus {
    /** Answered with a brand. */
    OK,
    /** Ran and found no brand it could stand behind. */
    ABSTAINED,
    /** Not asked: the cascade stopped early, or a budget said no. */
    SKIPPED,
    /** Not configured, not ready, or not reachable. */
    UNAVAILABLE,
    /** Did not answer in time. */
    TIMEOUT,
    /** Failed. */
    ERROR;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
