// The body every client POSTs with --payload-bytes: a JSON order of exactly the size asked for, the
// same bytes on every run, so that a handler's work and a variant's cost of moving the body repeat.
// examples/handlers/validate-order.ts reads this shape.

export interface OrderItem {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPriceCents: number;
}

export interface Order {
  readonly id: string;
  readonly customer: { readonly id: number; readonly email: string };
  readonly currency: string;
  readonly items: OrderItem[];
  /** Filler that brings the body to its exact size. */
  note: string;
}

/** The i-th line of every order: prices and quantities vary, deterministically. */
function item(i: number): OrderItem {
  return {
    sku: `SKU-${String(i).padStart(6, '0')}`,
    quantity: 1 + (i % 5),
    unitPriceCents: 1_000 + ((i * 7_919) % 9_000),
  };
}

const size = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

/**
 * A JSON body of exactly `bytes` bytes (ASCII): an order with as many items as fit and a note that
 * fills the rest. Sizes too small for an order are a JSON string (2 bytes and up) or a digit (1).
 */
export function jsonPayload(bytes: number): Buffer {
  const order: Order = {
    id: 'order-000001',
    customer: { id: 42, email: 'Ada.Lovelace@Example.com' },
    currency: 'EUR',
    items: [],
    note: '',
  };
  if (bytes < size(order)) return Buffer.from(bytes === 1 ? '0' : `"${'x'.repeat(Math.max(0, bytes - 2))}"`);
  const itemBytes = size(item(0)) + 1; // with its comma: every item below 1,000,000 is as long
  const fitting = Math.floor((bytes - size(order)) / itemBytes);
  for (let i = 0; i < fitting; i++) order.items.push(item(i));
  order.note = 'x'.repeat(bytes - size(order));
  return Buffer.from(JSON.stringify(order));
}
