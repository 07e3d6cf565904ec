package io.mli.servicekit.agent;

/**
 * Something built over the knowledge base that can be built again when a new version is published (see
 * {@link io.mli.servicekit.config.KnowledgeBaseRefresher}). Reloading happens in the background; the old value keeps
 * serving until the new one is completely loaded, and stays if the new one fails.
 */
public interface Reloadable {

    /** Starts building a new value unless one is being built already. */
    void reload();

    /** True while a load or reload is running. */
    default boolean reloading() {
        return false;
    }
}
