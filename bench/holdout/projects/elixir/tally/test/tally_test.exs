defmodule TallyTest do
  use ExUnit.Case, async: true

  @rows ["A-100,3,250", "B-200,10,99", "C-300,1,1200"]

  defp items, do: Enum.map(@rows, &Tally.parse_row/1)

  test "parse_row reads sku, quantity and unit price" do
    assert Tally.parse_row("A-100,3,250") == %{sku: "A-100", qty: 3, cents: 250}
  end

  test "parse_row rejects a row with missing fields" do
    assert {:error, _} = Tally.parse_row("A-100,3")
  end

  test "total sums quantity times unit price" do
    assert Tally.total(items()) == 2940
  end

  test "fetch! finds an item by sku" do
    assert Tally.fetch!(items(), "B-200").qty == 10
  end

  test "reorder lists items at or below the level" do
    assert Tally.reorder(items(), 3) == ["A-100", "C-300"]
  end

  test "discount rounds half up" do
    assert Tally.discount(999, 15) == 849
  end

  test "discount refuses a percentage over 100" do
    assert_raise ArgumentError, fn -> Tally.discount(100, 120) end
  end
end
