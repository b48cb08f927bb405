// Quote pricing: line totals with volume discounts, computed in whole cents so that totals add
// up exactly.

/** A line of a quote request: an item, how many, and its list price per unit. */
export type QuoteLine = { sku: string; quantity: number; unitPrice: number };

/** What a customer asks a quote for. */
export type QuoteRequest = { currency: string; lines: QuoteLine[] };

/** A priced line: its discount rate and the amounts before and after the discount. */
export type PricedLine = QuoteLine & {
  discountRate: number;
  gross: number;
  discount: number;
  net: number;
};

/** A quote: every line priced, and the totals. */
export type Quote = {
  currency: string;
  lines: PricedLine[];
  subtotal: number;
  discount: number;
  total: number;
};

/** Volume discount bands, largest first: a line of at least `from` units earns `rate`. */
export const VOLUME_DISCOUNTS: ReadonlyArray<{ from: number; rate: number }> = [
  { from: 500, rate: 0.1 },
  { from: 100, rate: 0.05 },
];

export const MAX_LINES = 200;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const CURRENCY = /^[A-Z]{3}$/;

/** The discount rate a line quantity earns. */
export function volumeDiscountRate(quantity: number): number {
  return VOLUME_DISCOUNTS.find(band => quantity >= band.from)?.rate ?? 0;
}

/** Checks a quote request, naming every problem. */
export function parseQuoteRequest(
  body: unknown,
): { ok: true; request: QuoteRequest } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, problems: ['the body must be a JSON object'] };
  }
  const { currency, lines } = body as Record<string, unknown>;
  if (typeof currency !== 'string' || !CURRENCY.test(currency)) {
    problems.push('currency must be an ISO 4217 code such as EUR');
  }
  if (!Array.isArray(lines) || lines.length === 0 || lines.length > MAX_LINES) {
    problems.push(`lines must list 1 to ${MAX_LINES} items`);
    return { ok: false, problems };
  }
  lines.forEach((line: unknown, i) => {
    const { sku, quantity, unitPrice } = (line ?? {}) as Record<
      string,
      unknown
    >;
    if (typeof sku !== 'string' || !SKU.test(sku)) {
      problems.push(`lines[${i}].sku must be an item number`);
    }
    if (
      typeof quantity !== 'number' ||
      !Number.isInteger(quantity) ||
      quantity < 1 ||
      quantity > 1_000_000
    ) {
      problems.push(`lines[${i}].quantity must be a whole number 1 to 1000000`);
    }
    if (
      typeof unitPrice !== 'number' ||
      !Number.isFinite(unitPrice) ||
      unitPrice < 0 ||
      unitPrice > 10_000_000 ||
      Math.abs(unitPrice * 100 - Math.round(unitPrice * 100)) > 1e-6
    ) {
      problems.push(
        `lines[${i}].unitPrice must be an amount of at most 2 decimals`,
      );
    }
  });
  return problems.length
    ? { ok: false, problems }
    : { ok: true, request: { currency: currency as string, lines } };
}

const cents = (amount: number) => Math.round(amount * 100);
const amount = (cents: number) => cents / 100;

/** Prices a (checked) quote request. */
export function priceQuote(request: QuoteRequest): Quote {
  let subtotal = 0;
  let discount = 0;
  const lines = request.lines.map(line => {
    const rate = volumeDiscountRate(line.quantity);
    const gross = line.quantity * cents(line.unitPrice);
    const off = Math.round(gross * rate);
    subtotal += gross;
    discount += off;
    return {
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      discountRate: rate,
      gross: amount(gross),
      discount: amount(off),
      net: amount(gross - off),
    };
  });
  return {
    currency: request.currency,
    lines,
    subtotal: amount(subtotal),
    discount: amount(discount),
    total: amount(subtotal - discount),
  };
}
