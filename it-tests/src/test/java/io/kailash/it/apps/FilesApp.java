package io.kailash.it.apps;

import io.kailash.workflow.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Runs the {@link AppNodes} and {@link FilesNodes} directly, then updates the volume the way the
 * kubelet does (one atomic rename of a new {@code ..data} link over the old one) and runs the token
 * node again. Prints one line per node, never a value.
 *
 * <p>Arguments: the volume directory, and the name of the prepared timestamped directory holding
 * the update.
 */
public final class FilesApp {

  public static void main(String[] args) throws Exception {
    System.out.println(
        "token=" + AppNodes.outcomeOf(new AppNodes.ApiTokenNode("EXPECTED_API_TOKEN"), "token"));
    System.out.println("password=" + AppNodes.outcomeOf(new AppNodes.DbPasswordNode(), "password"));
    System.out.println("missing=" + AppNodes.outcomeOf(new AppNodes.MissingNode(), "missing"));
    System.out.println("escape=" + AppNodes.outcomeOf(new FilesNodes.EscapeNode(), "escape"));

    Path volume = Path.of(args[0]);
    Path newData = Files.createSymbolicLink(volume.resolve("..data_tmp"), Path.of(args[1]));
    Files.move(newData, volume.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);

    Node updated = new AppNodes.ApiTokenNode("EXPECTED_NEW_API_TOKEN");
    System.out.println("token-after-update=" + AppNodes.outcomeOf(updated, "token"));
  }
}
