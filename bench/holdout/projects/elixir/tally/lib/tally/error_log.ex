defmodule Tally.ErrorLog do
  @moduledoc "Classifies import problems; the names of its checks are full of error words on purpose."

  def classify(code) when code in 400..499, do: :client_error
  def classify(code) when code in 500..599, do: :server_error
  def classify(_code), do: :ok

  def retry?(:server_error, attempts), do: attempts < 3
  def retry?(_, _), do: false
end
