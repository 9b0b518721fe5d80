# frozen_string_literal: true

require "spec_helper"

RSpec.describe Pantry::ShoppingList do
  def recipe(name, ingredients)
    Pantry::Recipe.new(name, servings: 2, ingredients: ingredients.transform_values { |t| Pantry::Quantity.parse(t) })
  end

  let(:bread) { recipe("Bread", "flour" => "500 g", "water" => "350 ml", "salt" => "10 g") }
  let(:pizza) { recipe("Pizza", "flour" => "0.3 kg", "water" => "200 ml", "tomato" => "400 g") }

  it "lists one recipe's ingredients by name" do
    expect(described_class.new.add(bread).lines).to eq(["500 g flour", "10 g salt", "350 ml water"])
  end

  it "merges the same ingredient across recipes" do
    list = described_class.new.add(bread).add(pizza)
    expect(list.items.to_h["flour"].to_s).to eq("800 g")
  end

  it "subtracts what is in stock" do
    list = described_class.new("flour" => Pantry::Quantity.parse("0.2 kg")).add(bread)
    expect(list.items.to_h["flour"].to_s).to eq("300 g")
  end

  it "drops what is fully in stock" do
    list = described_class.new("salt" => Pantry::Quantity.parse("1 kg")).add(bread)
    expect(list.items.map(&:first)).not_to include("salt")
  end

  it "sorts items by name" do
    expect(described_class.new.add(pizza).items.map(&:first)).to eq(%w[flour tomato water])
  end

  it "groups items by aisle" do
    pending "aisle data is not in the pantry yet"
    expect(described_class.new.add(bread).by_aisle.keys).to eq(["baking", "drinks"])
  end
end
