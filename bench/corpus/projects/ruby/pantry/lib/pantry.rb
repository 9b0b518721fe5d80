# frozen_string_literal: true

require_relative "pantry/quantity"
require_relative "pantry/recipe"
require_relative "pantry/shopping_list"
