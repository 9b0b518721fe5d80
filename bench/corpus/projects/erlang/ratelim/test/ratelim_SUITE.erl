-module(ratelim_SUITE).
-include_lib("common_test/include/ct.hrl").
-export([all/0, groups/0, init_per_suite/1, end_per_suite/1]).
-export([fresh_bucket_is_full/1, take_until_empty/1, refills_over_time/1, never_exceeds_capacity/1,
         retry_after_is_rounded_up/1, take_many/1, parse_per_second/1, parse_per_minute/1,
         parse_rejects_garbage/1]).

all() -> [{group, bucket}, {group, rules}].

groups() ->
    [{bucket, [], [fresh_bucket_is_full, take_until_empty, refills_over_time, never_exceeds_capacity,
                   retry_after_is_rounded_up, take_many]},
     {rules, [], [parse_per_second, parse_per_minute, parse_rejects_garbage]}].

init_per_suite(Config) ->
    ct:log("rate limiter suite on ~s", [erlang:system_info(otp_release)]),
    Config.

end_per_suite(_Config) ->
    ok.

fresh_bucket_is_full(_Config) ->
    B = ratelim:new(5, 1),
    5.0 = ratelim:tokens(B, 0).

take_until_empty(_Config) ->
    B0 = ratelim:new(3, 1),
    {ok, B1} = ratelim:take(B0, 0),
    {ok, B2} = ratelim:take(B1, 0),
    {ok, B3} = ratelim:take(B2, 0),
    {error, {retry_after, _}, _} = ratelim:take(B3, 0),
    ok.

refills_over_time(_Config) ->
    {ok, B1} = ratelim:take(ratelim:new(2, 2), 0),
    {ok, B2} = ratelim:take(B1, 0),
    true = ratelim:tokens(B2, 500) == 1.0,
    true = ratelim:tokens(B2, 1000) == 2.0.

never_exceeds_capacity(_Config) ->
    B = ratelim:new(4, 10),
    true = ratelim:tokens(B, 60000) =< 4.0.

retry_after_is_rounded_up(_Config) ->
    {ok, B1} = ratelim:take(ratelim:new(1, 3), 0),
    {error, {retry_after, Ms}, _} = ratelim:take(B1, 0),
    334 = Ms.

take_many(_Config) ->
    {ok, B} = ratelim:take(ratelim:new(10, 1), 0, 7),
    true = ratelim:tokens(B, 0) == 3.0,
    {error, {retry_after, 5000}, _} = ratelim:take(B, 0, 8).

parse_per_second(_Config) ->
    {5, 5.0} = ratelim:parse_rule("5/s").

parse_per_minute(_Config) ->
    {Count, Rate} = ratelim:parse_rule(" 120/min "),
    120 = Count,
    true = abs(Rate - 2.0) < 1.0e-9.

parse_rejects_garbage(_Config) ->
    {'EXIT', {{bad_rule, "lots"}, _}} = (catch ratelim:parse_rule("lots")),
    ok.
