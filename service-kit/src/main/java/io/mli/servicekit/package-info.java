/**
 * What every service shares, so that each service module is only the wiring of its engine: request ids, problem+json
 * errors, the request parser, body-size and API-key filters ({@code web}); the agent endpoints, HTTP agent clients,
 * background loading and the CPU limit ({@code agent}); metrics ({@code metrics}); configuration ({@code config}).
 */
package io.mli.servicekit;
