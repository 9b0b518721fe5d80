#!/usr/bin/env bats
# The wordstat command line, run on small files made in each test's temp dir.

setup() {
    WORDSTAT="$BATS_TEST_DIRNAME/../bin/wordstat"
    printf 'the cat and the hat\nthe end\n' > "$BATS_TEST_TMPDIR/story.txt"
    printf 'Zebra apple zebra\n' > "$BATS_TEST_TMPDIR/zoo.txt"
}

@test "prints the most frequent word first" {
    run "$WORDSTAT" -n 1 "$BATS_TEST_TMPDIR/story.txt"
    [ "$status" -eq 0 ]
    [ "$output" = "3 the" ]
}

@test "limits the list with -n" {
    run "$WORDSTAT" -n 2 "$BATS_TEST_TMPDIR/story.txt"
    [ "${#lines[@]}" -eq 2 ]
}

@test "folds case when counting" {
    run "$WORDSTAT" -n 1 "$BATS_TEST_TMPDIR/zoo.txt"
    [ "$output" = "2 zebra" ]
}

@test "reads several files" {
    run "$WORDSTAT" -n 1 "$BATS_TEST_TMPDIR/story.txt" "$BATS_TEST_TMPDIR/zoo.txt"
    [ "$output" = "3 the" ]
}

@test "fails on a missing file" {
    run "$WORDSTAT" "$BATS_TEST_TMPDIR/nope.txt"
    [ "$status" -eq 2 ]
    [[ "$output" == *"cannot open"* ]]
}

@test "fails without input files" {
    run "$WORDSTAT"
    [ "$status" -ne 0 ]
    [ "$output" = "wordstat: no input files" ]
}
