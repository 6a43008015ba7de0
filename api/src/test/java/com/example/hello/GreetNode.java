package com.example.hello;

import io.kailash.workflow.Node;
import java.util.Map;

/** Needs no secret: says hello. */
public class GreetNode extends Node {
  @Override
  public Map<String, Object> run(Map<String, Object> inputs) {
    return Map.of("message", "Hello, " + inputs.get("name") + "!");
  }
}
