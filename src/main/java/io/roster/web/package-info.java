/**
 * The web console: server-rendered pages in French and English over the modules' public APIs.
 */
package io.roster.web;
