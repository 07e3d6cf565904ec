/**
 * The local fleet from the command line: {@code mli up} and {@code mli down} start and stop the five services'
 * jars on this machine, and {@link io.mli.cli.fleet.FleetClient} sends titles to a running fleet
 * ({@code mli infer --url}).
 */
package io.mli.cli.fleet;
