/**
 * The pages a person opens in a browser: the dashboard and the upload page, plain HTML and JavaScript served from
 * the jar (ECharts from its Maven artifact), built only on the public GraphQL API and the export URLs.
 */
package org.perfgraph.dashboard;
