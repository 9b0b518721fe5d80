%% key=value lines: "a=1; b = two" -> [{"a","1"},{"b","two"}].
-module(kvline).
-export([parse/1, format/1, get/3]).

parse(Line) ->
    Pairs = [string:trim(P) || P <- string:split(Line, ";", all), string:trim(P) =/= ""],
    [pair(P) || P <- Pairs].

pair(Text) ->
    case string:split(Text, "=") of
        [K, V] -> {string:trim(K), string:trim(V)};
        [K] -> {string:trim(K), ""}
    end.

format(Pairs) ->
    lists:flatten(lists:join("; ", [K ++ "=" ++ V || {K, V} <- Pairs])).

get(Key, Pairs, Default) ->
    case lists:keyfind(Key, 1, Pairs) of
        {_, V} -> V;
        false -> Default
    end.
