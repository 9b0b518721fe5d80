"""JVM: JUnit 4/5 (console launcher, Maven Surefire, Gradle) and Java stack traces with their causes."""
from __future__ import annotations

from .rules import C, Family, H, L, rule

_MORE = r"^(?:Caused by: |Suppressed: |\s*\.\.\. \d+ (?:more|common frames omitted))"

JVM = Family(
    "jvm",
    (
        rule("junit-console", r"^\s*(?P<label>JUnit (?:Jupiter|Vintage|Platform Suite):(?P<test>\S.*?))\s*$", C,
             "failed_test", "indent", _MORE),
        rule("surefire-failure",
             r"^(?:\[ERROR\] )?(?P<test>[\w$.]+(?:\([\w$.]+\))?)\s+Time elapsed: .*<<< (?:FAILURE|ERROR)!",
             C, "failed_test", "indent", _MORE),
        rule("surefire-summary", r"^\[ERROR\]\s{3}(?P<test>[\w$]+(?:\.[\w$]+)+(?::\d+)?) (?P<msg>\S.*)$", C,
             "failed_test"),
        rule("gradle-failure", r"^(?P<test>[\w$.]+ > .+?) FAILED$", C, "failed_test", "indent", _MORE),
        rule("java-exception",
             r"^(?:Exception in thread \"[^\"]*\" )?(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error)\b(?::.*)?$",
             C, "exception", "indent", _MORE),
        # a passing class's "Tests run: 12, Failures: 0, Errors: 0" is context, hundreds of times over
        rule("junit-result-passing", r"^(?:\[\w+\] )?Tests run: \d+, Failures: 0, Errors: 0\b", L, "summary"),
        rule("junit-result", r"^(?:\[\w+\] )?Tests run: \d+, Failures: \d+|^\[\s+[1-9]\d* tests failed\s+\]"
             r"|^\d+ tests completed, \d+ failed", H, "summary"),
        # javac through Maven: "[ERROR] /src/X.java:[27,122] incompatible types: …" (each place its own error)
        rule("maven-compile-error", r"^\[ERROR\] (?P<loc>\S+\.(?:java|kt|scala|groovy):\[\d+,\d+\]) \S", C,
             "compile_error"),
        rule("build-result", r"BUILD (?:FAILURE|FAILED)|^\[ERROR\] Failed to execute goal", H, "summary"),
        # Gradle: the task that failed, and what went wrong with it
        rule("gradle-task-failed", r"^> Task (?P<test>:\S+) FAILED$", C, "failed_task"),
        rule("gradle-what-went-wrong", r"^\* What went wrong:$", H, "summary", "gutter", r"^(?!\* |$)"),
        rule("gradle-failure", r"^FAILURE: Build failed with an exception\.", H, "summary"),
    ),
    signals=("fail", "error", "exception", "junit", "time elapsed", "tests run:", "successful", "what went wrong"),
    starts=r"\[\s+\d+ tests ",
)
