package dev.ferry.app.check;

/**
 * One YAML routes file.
 *
 * @param name     how messages name it: the path as the operator gave it, or {@code classpath:routes/x.yaml}
 * @param location where Camel's resource loader finds it ({@code file:...} or {@code classpath:...})
 * @param content  its text
 */
record RouteFile(String name, String location, String content) {
}
