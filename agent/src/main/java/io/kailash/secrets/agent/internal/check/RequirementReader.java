package io.kailash.secrets.agent.internal.check;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Reads a class file's name, superclass and {@code @SecretRequirement} annotations (one, or several
 * in their {@code @SecretRequirements} container) with the ASM the agent ships, without loading or
 * running the class.
 */
final class RequirementReader extends ClassVisitor {

  private static final String REQUIREMENT = "Lio/kailash/secrets/SecretRequirement;";
  private static final String CONTAINER = "Lio/kailash/secrets/SecretRequirements;";

  private final List<ScannedClass.DeclaredSecret> declared = new ArrayList<>();
  private String name;
  private String superName;
  private boolean concrete;

  private RequirementReader() {
    super(Opcodes.ASM9);
  }

  /**
   * @return the class, or {@code null} when {@code bytes} is not a class file ASM can read
   */
  static ScannedClass read(byte[] bytes) {
    RequirementReader reader = new RequirementReader();
    try {
      new ClassReader(bytes)
          .accept(reader, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    } catch (RuntimeException unreadable) {
      return null; // a newer class-file version or a damaged entry: not ours to judge
    }
    return new ScannedClass(
        reader.name, reader.superName, reader.concrete, List.copyOf(reader.declared));
  }

  @Override
  public void visit(
      int version,
      int access,
      String internalName,
      String signature,
      String superInternalName,
      String[] interfaces) {
    name = internalName.replace('/', '.');
    superName = superInternalName == null ? null : superInternalName.replace('/', '.');
    concrete = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) == 0;
  }

  @Override
  public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
    if (REQUIREMENT.equals(descriptor)) {
      return new Requirement();
    }
    if (CONTAINER.equals(descriptor)) {
      return new AnnotationVisitor(Opcodes.ASM9) {
        @Override
        public AnnotationVisitor visitArray(String attribute) {
          return new AnnotationVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String unnamed, String type) {
              return new Requirement();
            }
          };
        }
      };
    }
    return null;
  }

  /** The attributes of one requirement; absent ones take the annotation's defaults. */
  private final class Requirement extends AnnotationVisitor {
    private String secret = "";
    private String parameter = "";
    private boolean optional;
    private String version = "";

    Requirement() {
      super(Opcodes.ASM9);
    }

    @Override
    public void visit(String attribute, Object value) {
      switch (attribute) {
        case "name" -> secret = String.valueOf(value);
        case "parameter" -> parameter = String.valueOf(value);
        case "optional" -> optional = Boolean.TRUE.equals(value);
        case "version" -> version = String.valueOf(value);
        default -> {
          // a newer annotation's attribute: the check reports what it knows
        }
      }
    }

    @Override
    public void visitEnd() {
      declared.add(new ScannedClass.DeclaredSecret(secret, parameter, optional, version));
    }
  }
}
