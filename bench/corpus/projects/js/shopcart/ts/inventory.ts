export interface Product {
  sku: string;
  name: string;
  price: number;
  tags: readonly string[];
}

export interface StockLevel {
  sku: string;
  onHand: number;
  reserved: number;
}

export type Availability = 'in-stock' | 'low' | 'out-of-stock';

export function availability(level: StockLevel, lowMark = 5): Availability {
  const free = level.onHand - level.reserved;
  if (free <= 0) return 'out-of-stock';
  return free <= lowMark ? 'low' : 'in-stock';
}

export function indexBySku(products: Product[]): Map<string, Product> {
  return new Map(products.map((p) => [p.sku, p]));
}

export function restock(level: StockLevel, amount: number): StockLevel {
  if (amount <= 0) {
    throw new RangeError(`restock amount must be positive, got ${amount}`);
  }
  return { ...level, onHand: level.onHand + amount };
}
