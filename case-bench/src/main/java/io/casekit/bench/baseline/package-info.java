/**
 * The code a host would write by hand without casekit: Jackson databind into plain classes with
 * Jakarta constraint annotations, validated by Hibernate Validator; and a JDBC read-modify-write.
 * These are the baselines every casekit figure is measured against, in the same run.
 */
package io.casekit.bench.baseline;
