#!/bin/sh
# The daily sales report as plain text.
echo "Content-Type: text/plain"
echo
echo "orders today: 2"
echo "revenue: 165.99 EUR"
