defmodule Tally do
  @moduledoc "Stock tallies: parse CSV rows of `sku,qty,unit_cents`, sum them, find items."

  @doc "Parses one `sku,qty,unit_cents` row."
  def parse_row(row) do
    case String.split(String.trim(row), ",") do
      [sku, qty, cents] -> %{sku: sku, qty: String.to_integer(qty), cents: String.to_integer(cents)}
      _ -> {:error, "malformed row: #{inspect(row)}"}
    end
  end

  @doc "Total value in cents of the parsed items."
  def total(items), do: Enum.reduce(items, 0, fn item, acc -> acc + item.qty * item.cents end)

  @doc "The item with this sku, or throws :not_found."
  def fetch!(items, sku) do
    case Enum.find(items, &(&1.sku == sku)) do
      nil -> throw(:not_found)
      item -> item
    end
  end

  @doc "Items at or below their reorder level."
  def reorder(items, level), do: Enum.filter(items, &(&1.qty <= level)) |> Enum.map(& &1.sku)

  @doc "Applies a percentage discount, rounding half up."
  def discount(cents, percent) when percent in 0..100, do: div(cents * (100 - percent) + 50, 100)
  def discount(_cents, percent), do: raise(ArgumentError, "discount out of range: #{percent}")
end
