# frozen_string_literal: true

require "spec_helper"

RSpec.describe Pantry::Recipe do
  let(:pancakes) do
    described_class.new("Fluffy Pancakes!", servings: 4, ingredients: {
      "flour" => Pantry::Quantity.new(200, "g"),
      "milk" => Pantry::Quantity.new(300, "ml"),
      "sugar" => Pantry::Quantity.new(2, "tbsp")
    })
  end

  it "refuses zero servings" do
    expect { described_class.new("x", servings: 0) }.to raise_error(ArgumentError)
  end

  it "scales every ingredient" do
    expect(pancakes.scaled_to(6).ingredients["flour"].amount).to eq(300.0)
  end

  it "keeps the unit when scaling" do
    expect(pancakes.scaled_to(2).ingredients["milk"].unit).to eq("ml")
  end

  it "scales down to one serving" do
    expect(pancakes.scaled_to(1).ingredients["sugar"].to_s).to eq("0.5 tbsp")
  end

  it "makes a slug from the name" do
    expect(pancakes.slug).to eq("fluffy-pancakes")
  end

  xit "imports recipes from a URL" do
    expect(described_class.from_url("https://example.invalid/pancakes")).to be_a(described_class)
  end
end
