/**
 * HTTP for Gosplan, on Javalin: the witness endpoint (C2SP tlog-witness) now; the tlog-tiles
 * paths, the JSON API and the web pages later. Each capability brings its own routes.
 */
package org.gosplan.server;
