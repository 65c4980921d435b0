package dev.cards.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of the library's README and of the project's front-door README
 * compiles as written, against what an application has on its classpath (this module only adds the
 * library): neither README can drift from the library's names. Each block is a whole compilation
 * unit, imports included; each README's blocks are compiled together.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of("../README.md");
    private static final Path FRONT_DOOR = Path.of("../../README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile("^(?:@\\w+\\s+)*(?:public\\s+|final\\s+)*(?:class|interface|record)\\s+(\\w+)",
            Pattern.MULTILINE);

    @Test
    void everyJavaBlockOfTheLibraryReadmeCompiles() throws IOException {
        List<JavaFileObject> snippets = snippets(Files.readString(README));
        assertTrue(snippets.size() >= 3, "the README's java blocks: " + snippets.size());
        assertCompiles(snippets);
    }

    @Test
    void theFrontDoorReadmesSnippetCompiles() throws IOException {
        List<JavaFileObject> snippets = snippets(Files.readString(FRONT_DOOR));
        assertEquals(1, snippets.size(), "the front door's java blocks");
        assertCompiles(snippets);
    }

    private static void assertCompiles(List<JavaFileObject> snippets) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory("readme-snippets");
        List<String> options = List.of("-proc:none", "-Xlint:none", "-d", out.toString(),
                "-classpath", System.getProperty("java.class.path"));
        boolean compiled = compiler.getTask(null, null, diagnostics, options, null, snippets).call();

        assertEquals(List.of(), diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .toList());
        assertTrue(compiled);
    }

    private static List<JavaFileObject> snippets(String readme) {
        List<JavaFileObject> files = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(readme);
        while (block.find()) {
            String code = block.group(1);
            Matcher type = TOP_LEVEL_TYPE.matcher(code);
            if (!type.find()) {
                throw new AssertionError("a README java block without a top-level type (write whole files):\n" + code);
            }
            files.add(new SimpleJavaFileObject(URI.create("string:///" + type.group(1) + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return code;
                }
            });
        }
        return files;
    }
}
