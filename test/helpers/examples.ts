// What examples/handlers/validate-order.ts should answer for an order built by jsonPayload, worked out here.
export function validateOrderAnswer(order: { items: { quantity: number; unitPriceCents: number }[] }) {
  return {
    valid: true,
    orderId: 'order-000001',
    customerEmail: 'ada.lovelace@example.com',
    lines: order.items.length,
    units: order.items.reduce((sum, line) => sum + line.quantity, 0),
    totalCents: order.items.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0),
    currency: 'EUR',
  };
}
