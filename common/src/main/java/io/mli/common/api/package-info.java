/**
 * The public HTTP API's JSON shapes (snake_case), shared by the orchestrator that writes them and the {@code mli}
 * fleet client that reads them, so the wire format is defined once. Plain records: no Spring here. Property names are
 * given with {@code @JsonProperty} so that both Jackson 3 (the services) and OpenAPI tooling see the same names.
 */
package io.mli.common.api;
