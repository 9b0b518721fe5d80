import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compile the given sources with the JDK compiler API and print each diagnostic as one tab-separated
 * line: kind, source path, line, column, code, message (first line). Options before "--" go to javac.
 * Structured output of javac for the corpus generator: java tools/JavacDiagnostics.java -d out -- A.java B.java
 */
public class JavacDiagnostics {
    public static void main(String[] args) throws Exception {
        List<String> options = new ArrayList<>();
        List<File> files = new ArrayList<>();
        boolean sources = false;
        for (String arg : args) {
            if (arg.equals("--")) {
                sources = true;
            } else if (sources) {
                files.add(new File(arg));
            } else {
                options.add(arg);
            }
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            compiler.getTask(null, manager, diagnostics, options, null, manager.getJavaFileObjectsFromFiles(files)).call();
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            String source = d.getSource() == null ? "" : d.getSource().getName();
            String message = d.getMessage(Locale.ROOT).split("\n")[0];
            System.out.println(d.getKind() + "\t" + source + "\t" + d.getLineNumber() + "\t" + d.getColumnNumber()
                    + "\t" + d.getCode() + "\t" + message);
        }
    }
}
