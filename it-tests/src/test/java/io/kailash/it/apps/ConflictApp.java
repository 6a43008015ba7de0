package io.kailash.it.apps;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * An application with its own, different Jackson and Byte Buddy on the class path (older than the
 * agent's). It uses both and prints their versions; its node must still get its secret.
 */
public final class ConflictApp {

  public static void main(String[] args) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    System.out.println("json=" + mapper.writeValueAsString(Map.of("a", 1)));
    System.out.println("jackson=" + mapper.version().toString());
    Class<?> generated =
        new ByteBuddy()
            .subclass(Object.class)
            .method(ElementMatchers.named("toString"))
            .intercept(FixedValue.value("generated"))
            .make()
            .load(ConflictApp.class.getClassLoader())
            .getLoaded();
    System.out.println("bytebuddy-subclass=" + generated.getDeclaredConstructor().newInstance());
    String location = ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    System.out.println("bytebuddy=" + location.substring(location.lastIndexOf('/') + 1));
    System.out.println("token=" + new TokenNode().run(new HashMap<>()).get("token"));
  }
}
