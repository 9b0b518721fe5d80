'use strict';

const { roundCents } = require('./money');
const { taxFor, couponDiscount, bulkDiscount } = require('./pricing');

class Cart {
  constructor() {
    this.lines = new Map();
    this.coupon = null;
  }

  add(sku, price, quantity = 1, band = 'standard') {
    if (!Number.isInteger(quantity) || quantity <= 0) {
      throw new TypeError(`quantity must be a positive integer, got ${quantity}`);
    }
    const line = this.lines.get(sku) || { sku, price, quantity: 0, band };
    line.quantity += quantity;
    this.lines.set(sku, line);
    return this;
  }

  remove(sku) {
    if (!this.lines.delete(sku)) {
      throw new Error(`no such item: ${sku}`);
    }
    return this;
  }

  applyCoupon(code) {
    this.coupon = code;
    return this;
  }

  get itemCount() {
    let count = 0;
    for (const line of this.lines.values()) count += line.quantity;
    return count;
  }

  subtotal() {
    let total = 0;
    for (const line of this.lines.values()) {
      const gross = line.price * line.quantity;
      total += gross * (1 - bulkDiscount(line.quantity));
    }
    return roundCents(total * (1 - couponDiscount(this.coupon)));
  }

  tax() {
    let tax = 0;
    const factor = 1 - couponDiscount(this.coupon);
    for (const line of this.lines.values()) {
      const net = line.price * line.quantity * (1 - bulkDiscount(line.quantity)) * factor;
      tax += taxFor(net, line.band);
    }
    return roundCents(tax);
  }

  total() {
    return roundCents(this.subtotal() + this.tax());
  }

  summary() {
    return [...this.lines.values()]
      .sort((a, b) => a.sku.localeCompare(b.sku))
      .map((line) => ({ sku: line.sku, quantity: line.quantity }));
  }
}

module.exports = { Cart };
