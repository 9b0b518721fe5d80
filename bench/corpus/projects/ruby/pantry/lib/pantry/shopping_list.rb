# frozen_string_literal: true

module Pantry
  # Everything a set of recipes needs, merged by ingredient, minus what is already in the pantry.
  class ShoppingList
    def initialize(stock = {})
      @stock = stock
      @needed = {}
    end

    def add(recipe)
      recipe.ingredients.each do |name, quantity|
        @needed[name] = @needed.key?(name) ? @needed[name] + quantity : quantity
      end
      self
    end

    def items
      @needed.filter_map do |name, quantity|
        have = @stock[name]
        missing = have ? quantity.amount - have.to(quantity.unit).amount : quantity.amount
        [name, Quantity.new(missing, quantity.unit)] if missing.positive?
      end.sort_by(&:first)
    end

    def lines
      items.map { |name, quantity| "#{quantity} #{name}" }
    end
  end
end
