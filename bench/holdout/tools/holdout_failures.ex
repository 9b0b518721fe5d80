defmodule HoldoutFailures do
  @moduledoc """
  An ExUnit formatter for the held-out corpus: ExUnit has no JUnit or JSON report built in, so this
  writes one tab-separated record per failure (and a count line) to the file named by HOLDOUT_EXUNIT_OUT.
  Fields: FAIL, test name, module, file:line, kind, message lines joined by \\x1f.
  """
  use GenServer

  def init(_opts), do: {:ok, %{tests: 0, failures: 0, lines: []}}

  def handle_cast({:test_finished, %ExUnit.Test{} = test}, state) do
    state = %{state | tests: state.tests + 1}

    case test.state do
      {:failed, failures} ->
        records = Enum.map(failures, &record(test, &1))
        {:noreply, %{state | failures: state.failures + 1, lines: state.lines ++ records}}

      _ ->
        {:noreply, state}
    end
  end

  def handle_cast({:suite_finished, _times}, state) do
    count = "COUNT\t#{state.tests}\t#{state.failures}"
    File.write!(System.fetch_env!("HOLDOUT_EXUNIT_OUT"), Enum.join(state.lines ++ [count], "\n") <> "\n")
    {:noreply, state}
  end

  def handle_cast(_event, state), do: {:noreply, state}

  defp record(test, {kind, reason, _stack}) do
    where = "#{Path.relative_to_cwd(test.tags.file)}:#{test.tags.line}"
    Enum.join(["FAIL", test.name, inspect(test.module), where, inspect(kind), message(kind, reason)], "\t")
  end

  defp message(:error, %ExUnit.AssertionError{} = e) do
    parts = [e.message] ++ if e.left != :ex_unit_no_meaningful_value, do: ["left:  " <> inspect(e.left), "right: " <> inspect(e.right)], else: []
    Enum.join(parts, "\x1f")
  end

  defp message(kind, reason), do: Exception.format_banner(kind, reason)
end
