# frozen_string_literal: true

require "spec_helper"

RSpec.describe Pantry::Quantity do
  describe ".parse" do
    it "reads an amount and a unit" do
      q = described_class.parse("250 g")
      expect([q.amount, q.unit]).to eq([250.0, "g"])
    end

    it "reads decimals without a space" do
      expect(described_class.parse("1.5l").amount).to eq(1.5)
    end

    it "rejects unknown units with an error message naming the text" do
      expect { described_class.parse("3 pinches") }.to raise_error(ArgumentError, 'not a quantity: "3 pinches"')
    end
  end

  describe "#to" do
    it "converts kilograms to grams" do
      expect(described_class.new(1.2, "kg").to("g").amount).to eq(1200.0)
    end

    it "converts cups to millilitres" do
      expect(described_class.new(2, "cup").to("ml").amount).to eq(480.0)
    end

    it "raises an error between mass and volume" do
      expect { described_class.new(1, "kg").to("l") }.to raise_error(ArgumentError, /cannot convert kg to l/)
    end

    it "converts ounces to grams" do
      expect(described_class.new(2, "oz").to("g").amount).to be_within(0.001).of(56.699)
    end
  end

  describe "#+" do
    it "adds in the left unit" do
      expect((described_class.new(1, "kg") + described_class.new(500, "g")).to_s).to eq("1.5 kg")
    end
  end

  describe "#to_s" do
    it "drops a zero fraction" do
      expect(described_class.new(3.0, "tbsp").to_s).to eq("3 tbsp")
    end

    it "rounds to two decimals" do
      expect(described_class.new(1.23456, "l").to_s).to eq("1.23 l")
    end

    it "prints fractions of a cup" do
      pending "cup fractions (1/3 cup) are not implemented yet"
      expect(described_class.new(0.3333, "cup").to_s).to eq("1/3 cup")
    end
  end
end
