package io.kailash.benchmarks.scale;

import io.kailash.workflow.Node;
import java.util.Map;

/**
 * The scale benchmark's application ({@code benchmarks/scale.sh}): loads the generated classes and,
 * for node classes, runs each once, so that the agent weaves each and resolves its secret the first
 * time.
 *
 * <p>Usage: {@code ScaleApp nodes <count>} or {@code ScaleApp plain <count>}, with the generated
 * classes on the class path.
 */
public final class ScaleApp {

  private ScaleApp() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    boolean nodes = args[0].equals("nodes");
    int count = Integer.parseInt(args[1]);
    long answered = 0;
    for (int i = 0; i < count; i++) {
      if (nodes) {
        Node node =
            (Node) Class.forName("scale.nodes.Node" + i).getDeclaredConstructor().newInstance();
        answered += node.run(Map.of()).size();
      } else {
        Class.forName("scale.plain.Plain" + i); // loaded and initialised: the agent looks at each
        answered++;
      }
    }
    System.out.println(args[0] + " " + count + ": " + answered);
  }
}
