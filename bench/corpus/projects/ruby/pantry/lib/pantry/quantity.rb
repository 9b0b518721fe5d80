# frozen_string_literal: true

module Pantry
  # An amount of an ingredient in one unit; converts within mass or volume.
  class Quantity
    FACTORS = {
      "g" => [:mass, 1.0], "kg" => [:mass, 1000.0], "oz" => [:mass, 28.3495],
      "ml" => [:volume, 1.0], "l" => [:volume, 1000.0], "cup" => [:volume, 240.0], "tbsp" => [:volume, 15.0]
    }.freeze

    attr_reader :amount, :unit

    def self.parse(text)
      match = text.strip.match(/\A(\d+(?:\.\d+)?)\s*([a-z]+)\z/)
      raise ArgumentError, "not a quantity: #{text.inspect}" unless match && FACTORS.key?(match[2])

      new(match[1].to_f, match[2])
    end

    def initialize(amount, unit)
      @amount = amount
      @unit = unit
    end

    def kind
      FACTORS.fetch(unit).first
    end

    def to(other_unit)
      other_kind, other_factor = FACTORS.fetch(other_unit)
      raise ArgumentError, "cannot convert #{unit} to #{other_unit}" unless other_kind == kind

      Quantity.new(amount * FACTORS.fetch(unit).last / other_factor, other_unit)
    end

    def +(other)
      Quantity.new(amount + other.to(unit).amount, unit)
    end

    def scale(factor)
      Quantity.new(amount * factor, unit)
    end

    def to_s
      rounded = amount.round(2)
      "#{rounded == rounded.to_i ? rounded.to_i : rounded} #{unit}"
    end
  end
end
