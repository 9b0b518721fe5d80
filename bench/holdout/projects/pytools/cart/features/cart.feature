Feature: Cart totals
  Prices are in cents; shipping is free from 50.00.

  Scenario: Adding the same item twice adds up the quantity
    Given an empty cart
    When I add 2 of "APPLE" at 50 cents
    And I add 3 of "APPLE" at 50 cents
    Then the cart has 5 of "APPLE"

  Scenario: Shipping is charged below the free shipping threshold
    Given an empty cart
    When I add 1 of "BOOK" at 1999 cents
    Then the total is 2494 cents

  Scenario: Shipping is free from the threshold on
    Given an empty cart
    When I add 2 of "BOOK" at 2500 cents
    Then the total is 5000 cents

  Scenario: A discount applies before shipping
    Given an empty cart
    And a discount of 10 percent
    When I add 1 of "LAMP" at 6000 cents
    Then the total is 5400 cents

  Scenario: Removing an item that is not in the cart
    Given an empty cart
    When I remove "GHOST"
    Then the cart is empty
