/**
 * The reference host of casekit: the AICC case endpoints served over the JDK's own HTTP server, on
 * an embedded H2 file, PostgreSQL or MariaDB, with the library doing all the case work.
 * {@link io.casekit.example.Main} is the command line ({@code serve}, {@code demo});
 * {@link io.casekit.example.CaseHost} starts and stops one host; {@link io.casekit.example.CaseHttpServer}
 * is its HTTP layer, which any {@link io.casekit.json.CaseEndpoints} can be served with.
 *
 * <p>No method accepts or returns {@code null}.
 */
@NullMarked
package io.casekit.example;

import org.jspecify.annotations.NullMarked;
