/*
 * Starts AWS's DynamoDB Local listening on 127.0.0.1 only. DynamoDB Local's own entry point has no
 * bind-address option and listens on every interface; this launcher builds the server from the
 * same command-line arguments through DynamoDB Local's public ServerRunner, sets the host of its
 * Jetty connector to the loopback address and starts it. Run by local/dynamodb.ts with Java's
 * source-file launcher (java -cp DynamoDBLocal.jar LoopbackDynamoDbLocal.java ...): no build step.
 */
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    for (Connector connector : server.getConnectors()) {
      ((ServerConnector) connector).setHost("127.0.0.1");
    }
    proxy.start();
  }
}
