/**
 * A search node's HTTP front for {@link org.beltway.serving}, small enough for a search team to copy:
 * {@code POST /rank} reranks a query's candidates under the live plan, {@code GET /status} shows which
 * plan serves, its certificate and what it has delivered, a watcher swaps in each newer snapshot
 * dropped into a directory, and a timer paces the suppliers through the day. The JDK's own HTTP server
 * and Jackson, nothing else; {@link org.beltway.examples.serving.RankServer} is the entry point.
 */
package org.beltway.examples.serving;
