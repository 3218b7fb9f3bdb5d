/**
 * {@code ferry check}: validates the config file and the YAML routes and tests each connection, one line per
 * check. {@link dev.ferry.app.check.FerryCheck} runs the checks; the other classes each check one thing.
 */
package dev.ferry.app.check;
