%% A token bucket: `Capacity' tokens, refilled at `Rate' tokens per second, taken one request at a time.
-module(ratelim).
-export([new/2, take/2, take/3, tokens/2, parse_rule/1]).

-record(bucket, {capacity :: pos_integer(), rate :: number(), tokens :: float(), at :: integer()}).

new(Capacity, Rate) when is_integer(Capacity), Capacity > 0, Rate > 0 ->
    #bucket{capacity = Capacity, rate = Rate, tokens = float(Capacity), at = 0}.

%% Take one token at time Now (milliseconds): {ok, Bucket} or {error, {retry_after, Ms}, Bucket}.
take(Bucket, Now) ->
    take(Bucket, Now, 1).

take(Bucket0, Now, Count) when Count > 0 ->
    Bucket = refill(Bucket0, Now),
    case Bucket#bucket.tokens >= Count of
        true ->
            {ok, Bucket#bucket{tokens = Bucket#bucket.tokens - Count}};
        false ->
            Missing = Count - Bucket#bucket.tokens,
            {error, {retry_after, ceil(Missing * 1000 / Bucket#bucket.rate)}, Bucket}
    end.

tokens(Bucket, Now) ->
    (refill(Bucket, Now))#bucket.tokens.

refill(#bucket{capacity = Cap, rate = Rate, tokens = Tokens, at = At} = B, Now) when Now >= At ->
    Added = (Now - At) * Rate / 1000,
    B#bucket{tokens = min(float(Cap), Tokens + Added), at = Now}.

%% "100/min" -> {100, 100/60}; "5/s" -> {5, 5}.
parse_rule(Text) ->
    case string:split(string:trim(Text), "/") of
        [Count, Unit] ->
            N = list_to_integer(Count),
            {N, N / seconds(Unit)};
        _ ->
            erlang:error({bad_rule, Text})
    end.

seconds("s") -> 1;
seconds("min") -> 60;
seconds("h") -> 3600.
