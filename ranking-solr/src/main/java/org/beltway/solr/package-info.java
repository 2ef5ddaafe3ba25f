/**
 * A Solr 9 plug-in that serves the Beltway plan inside the search engine: the query parser
 * {@link org.beltway.solr.BeltwayQParserPlugin} ({@code rq={!beltway reRankDocs=1000}&segment=42})
 * reorders a query's top documents by {@link org.beltway.serving.Reranker}, with Lucene's score as
 * the relevance, and swaps in each newer plan snapshot dropped into its directory. Everything else in
 * the package is package-private machinery.
 */
package org.beltway.solr;
