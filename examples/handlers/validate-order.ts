// An example --handler: validate a JSON order and turn it into what a service would store and answer,
// the everyday work of an API endpoint. `make loadtest ARGS="--handler ./examples/handlers/validate-order.ts
// --payload-bytes 65536 --variants inline,pool"` measures it with the pack's own order bodies.

interface Input {
  readonly clientId: number;
  readonly body: Uint8Array | null;
}

interface Line {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPriceCents: number;
}

type Answer =
  | { readonly valid: false; readonly errors: readonly string[] }
  | {
      readonly valid: true;
      readonly orderId: string;
      readonly customerEmail: string;
      readonly lines: number;
      readonly units: number;
      readonly totalCents: number;
      readonly currency: string;
    };

const CURRENCIES = new Set(['EUR', 'USD', 'GBP']);
const decoder = new TextDecoder();

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A line's own errors, each naming where it is. */
function lineErrors(line: unknown, index: number): string[] {
  if (!isRecord(line)) return [`items[${index}] is not an object`];
  const errors: string[] = [];
  if (typeof line.sku !== 'string' || !/^SKU-\d{6}$/.test(line.sku))
    errors.push(`items[${index}].sku is not SKU-nnnnnn`);
  if (!Number.isInteger(line.quantity) || (line.quantity as number) < 1)
    errors.push(`items[${index}].quantity is not a whole number from 1`);
  if (!Number.isInteger(line.unitPriceCents) || (line.unitPriceCents as number) < 0)
    errors.push(`items[${index}].unitPriceCents is not a whole number of cents`);
  return errors;
}

function validate(order: unknown): Answer {
  if (!isRecord(order)) return { valid: false, errors: ['the body is not a JSON object'] };
  const errors: string[] = [];
  if (typeof order.id !== 'string' || order.id === '') errors.push('id is missing');
  const customer = isRecord(order.customer) ? order.customer : {};
  const email = typeof customer.email === 'string' ? customer.email.trim().toLowerCase() : '';
  if (!/^[^@\s]+@[^@\s]+\.[a-z]+$/.test(email)) errors.push('customer.email is not an address');
  if (typeof order.currency !== 'string' || !CURRENCIES.has(order.currency))
    errors.push('currency is not EUR, USD or GBP');
  const items: unknown[] = Array.isArray(order.items) ? order.items : [];
  if (items.length === 0) errors.push('items is empty');
  for (const [index, line] of items.entries()) errors.push(...lineErrors(line, index));
  if (errors.length > 0) return { valid: false, errors: errors.slice(0, 10) };
  const lines = items as Line[];
  return {
    valid: true,
    orderId: order.id as string,
    customerEmail: email,
    lines: lines.length,
    units: lines.reduce((sum, line) => sum + line.quantity, 0),
    totalCents: lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0),
    currency: order.currency as string,
  };
}

/** A GET (no body) or a body that is not JSON is an invalid order, answered as such: never a throw. */
export default function validateOrder({ body }: Input): Answer {
  if (body === null) return { valid: false, errors: ['no body: POST an order'] };
  try {
    return validate(JSON.parse(decoder.decode(body)));
  } catch {
    return { valid: false, errors: ['the body is not JSON'] };
  }
}
