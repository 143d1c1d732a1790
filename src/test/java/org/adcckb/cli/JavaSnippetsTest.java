package org.adcckb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java shown to users compiles and runs: each {@code java} block of the README and QUESTIONS.md is
 * put in a {@code main} method with the API's packages imported, compiled against the build, and run from
 * the project's directory.
 */
class JavaSnippetsTest {

    private static final Pattern JAVA = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL);
    private static final String IMPORTS = "import org.adcckb.*; import org.adcckb.scenario.*; import org.adcckb.whatif.*; "
            + "import org.adcckb.reasoning.*; import java.nio.file.*; import java.util.*;\n";

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompilesAndRuns() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String doc : List.of("README.md", "docs/QUESTIONS.md")) {
            Matcher m = JAVA.matcher(Files.readString(Path.of(doc)));
            int n = 0;
            while (m.find()) {
                String body = m.group(1);
                String name = "Snippet" + tests.size();
                int index = ++n;
                tests.add(DynamicTest.dynamicTest(doc + " java block " + index, () -> compileAndRun(name, body)));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(2);
        return tests.stream();
    }

    private void compileAndRun(String name, String body) throws Exception {
        Path dir = Files.createDirectories(temp.resolve(name));
        Path source = dir.resolve(name + ".java");
        Files.writeString(source, IMPORTS + "public class " + name + " {\n public static void main(String[] args) throws Exception {\n"
                + body + "\n }\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(errors, null, null,
                List.of("-cp", System.getProperty("java.class.path"), "-d", dir.toString(), "-proc:none"), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(source.toFile())).call();
        assertThat(ok).as("the snippet compiles:%n%s%n%s", body, errors).isTrue();
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            loader.loadClass(name).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        }
    }
}
