/** JMH benchmarks; run from the shaded {@code benchmarks.jar}. */
package org.beltway.bench;
