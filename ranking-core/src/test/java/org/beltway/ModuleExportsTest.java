package org.beltway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module exports what a user calls and nothing else: the API packages, never
 * {@code org.beltway.internal…}, and no public member of an exported type hands out an internal type.
 */
class ModuleExportsTest {
  @Test
  void theModuleExportsTheApiPackagesOnly() throws Exception {
    ModuleDescriptor module = descriptor();
    Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(ExportedApi.PACKAGES), exported);
    assertTrue(module.opens().isEmpty(), "opens " + module.opens());
  }

  @Test
  void noPublicMemberOfAnExportedTypeHandsOutMachinery() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : ExportedApi.types()) {
      List<Executable> members = new ArrayList<>(List.of(type.getConstructors()));
      members.addAll(List.of(type.getMethods()));
      for (Executable member : members) {
        if (member.getDeclaringClass() != type) {
          continue;
        }
        List<Class<?>> types = new ArrayList<>(List.of(member.getParameterTypes()));
        if (member instanceof Method m) {
          types.add(m.getReturnType());
        }
        for (Class<?> t : types) {
          if (isInternal(t)) {
            leaks.add(type.getName() + "." + member.getName() + " uses " + t.getName());
          }
        }
      }
      for (Field f : type.getFields()) {
        if (isInternal(f.getType())) {
          leaks.add(type.getName() + "." + f.getName() + " is " + f.getType().getName());
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  private static boolean isInternal(Class<?> t) {
    while (t.isArray()) {
      t = t.getComponentType();
    }
    return t.getPackageName().startsWith("org.beltway.internal");
  }

  private static ModuleDescriptor descriptor() throws IOException, URISyntaxException {
    Path file = ExportedApi.classes().resolve("module-info.class");
    assertTrue(Files.exists(file), file + " is missing");
    try (InputStream in = Files.newInputStream(file)) {
      return ModuleDescriptor.read(in);
    }
  }
}
