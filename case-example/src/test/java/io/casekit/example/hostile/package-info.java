/**
 * Hostile input through the whole host path: the JSONTestSuite, the Big List of Naughty Strings and
 * a property-based fuzzer sent over real HTTP to a reference host on every store, checking that each
 * answer is a defined {@code resCode}, that a refused request stores nothing and that an accepted
 * one stores exactly what was sent.
 */
@NullMarked
package io.casekit.example.hostile;

import org.jspecify.annotations.NullMarked;
