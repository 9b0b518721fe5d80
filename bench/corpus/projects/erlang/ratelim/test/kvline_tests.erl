-module(kvline_tests).
-include_lib("eunit/include/eunit.hrl").

parse_simple_test() ->
    ?assertEqual([{"a", "1"}, {"b", "two"}], kvline:parse("a=1; b = two")).

parse_skips_empty_parts_test() ->
    ?assertEqual([{"a", "1"}], kvline:parse(";; a=1 ;")).

parse_key_without_value_test() ->
    ?assertEqual([{"flag", ""}], kvline:parse("flag")).

parse_value_with_equals_test() ->
    ?assertEqual([{"expr", "x=y"}], kvline:parse("expr=x=y")).

format_round_trip_test() ->
    Pairs = [{"a", "1"}, {"b", "two"}],
    ?assertEqual(Pairs, kvline:parse(kvline:format(Pairs))).

format_test() ->
    ?assertEqual("a=1; b=2", kvline:format([{"a", "1"}, {"b", "2"}])).

get_default_test() ->
    ?assertEqual("none", kvline:get("x", [{"a", "1"}], "none")).

get_found_test() ->
    ?assertEqual("1", kvline:get("a", [{"a", "1"}], "none")).

parse_bad_input_test_() ->
    [?_assertError(_, kvline:parse(42))].
