from behave import given, then, when
from cart import Cart, classify_error


@given("an empty cart")
def empty_cart(context):
    context.cart = Cart()


@given("a discount of {percent:d} percent")
def discount(context, percent):
    context.cart.discount_percent = percent


@when('I add {quantity:d} of "{sku}" at {cents:d} cents')
def add(context, quantity, sku, cents):
    context.cart.add(sku, quantity, cents)


@when('I remove "{sku}"')
def remove(context, sku):
    context.cart.remove(sku)


@then('the cart has {quantity:d} of "{sku}"')
def has(context, quantity, sku):
    got = context.cart.lines[sku][0]
    assert got == quantity, f"expected {quantity} of {sku}, got {got}"


@then("the total is {cents:d} cents")
def total(context, cents):
    got = context.cart.total()
    assert got == cents, f"expected a total of {cents} cents, got {got}"


@then("the cart is empty")
def is_empty(context):
    assert not context.cart.lines


@given("the payment service failed with status {status:d}")
def failed_with(context, status):
    context.status = status


@then('the error is classified as a "{kind}" failure')
def classified(context, kind):
    got = classify_error(context.status)
    assert got == kind, f"status {context.status}: expected {kind}, got {got}"
