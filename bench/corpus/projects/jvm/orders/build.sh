#!/usr/bin/env bash
# Compile main and test sources and run the JUnit 5 console launcher (no Maven/Gradle needed).
set -euo pipefail
JUNIT=${JUNIT_JAR:-/usr/share/java/junit-platform-console-standalone.jar}
REPORTS=${REPORTS_DIR:-build/test-reports}
rm -rf build && mkdir -p build/classes build/test-classes
echo "Compiling $(find src/main/java -name '*.java' | wc -l) main sources"
javac -Xlint:all -d build/classes $(find src/main/java -name '*.java')
echo "Compiling $(find src/test/java -name '*.java' | wc -l) test sources"
javac -d build/test-classes -cp build/classes:"$JUNIT" $(find src/test/java -name '*.java')
java -jar "$JUNIT" --class-path build/classes:build/test-classes --scan-class-path \
  --reports-dir "$REPORTS" --details=tree --disable-banner "$@"
