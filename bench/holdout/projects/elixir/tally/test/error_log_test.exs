defmodule Tally.ErrorLogTest do
  use ExUnit.Case, async: true

  for code <- 400..599 do
    @code code
    test "classify maps HTTP #{code} to an error class, never to a failure of the import" do
      assert Tally.ErrorLog.classify(@code) in [:client_error, :server_error]
    end
  end

  for attempts <- 0..2 do
    @attempts attempts
    test "retry? retries a server error after #{attempts} failed attempts" do
      assert Tally.ErrorLog.retry?(:server_error, @attempts)
    end
  end

  test "retry? never retries a client error" do
    refute Tally.ErrorLog.retry?(:client_error, 0)
  end
end
