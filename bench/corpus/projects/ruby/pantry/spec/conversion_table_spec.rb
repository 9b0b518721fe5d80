# frozen_string_literal: true

require "spec_helper"

# Round trips through every pair of convertible units; PANTRY_BULK=N checks amounts 1..N (default 3).
RSpec.describe "conversion table" do
  bulk = Integer(ENV.fetch("PANTRY_BULK", "3"))
  pairs = Pantry::Quantity::FACTORS.keys.permutation(2).select do |a, b|
    Pantry::Quantity::FACTORS[a].first == Pantry::Quantity::FACTORS[b].first
  end

  pairs.each do |from, to|
    describe "#{from} -> #{to}" do
      (1..bulk).each do |n|
        it "round-trips #{n} #{from}" do
          back = Pantry::Quantity.new(n, from).to(to).to(from)
          expect(back.amount).to be_within(1e-9).of(n)
        end
      end
    end
  end
end
