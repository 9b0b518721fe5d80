import { formatPrice } from './price.js';
import { renderCart } from './cart.js';

const items = [
  { name: 'Notebook', cents: 450, quantity: 2 },
  { name: 'Pen', cents: 120, quantity: 5 },
];

document.querySelector('#cart').innerHTML = renderCart(items, formatPrice);
