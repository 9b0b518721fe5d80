# frozen_string_literal: true

module Pantry
  # A recipe: ingredients by name with quantities, for a number of servings.
  class Recipe
    attr_reader :name, :servings, :ingredients

    def initialize(name, servings:, ingredients: {})
      raise ArgumentError, "servings must be positive" unless servings.positive?

      @name = name
      @servings = servings
      @ingredients = ingredients
    end

    def scaled_to(servings)
      factor = servings.to_f / @servings
      Recipe.new(name, servings: servings, ingredients: ingredients.transform_values { |q| q.scale(factor) })
    end

    def slug
      name.downcase.gsub(/[^a-z0-9]+/, "-").gsub(/\A-|-\z/, "")
    end
  end
end
