import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  parseQuoteRequest,
  priceQuote,
  volumeDiscountRate,
} from '../../src/pricing.ts';

describe('volumeDiscountRate', () => {
  it('gives 5 % from 100 units and 10 % from 500', () => {
    assert.equal(volumeDiscountRate(1), 0);
    assert.equal(volumeDiscountRate(99), 0);
    assert.equal(volumeDiscountRate(100), 0.05);
    assert.equal(volumeDiscountRate(499), 0.05);
    assert.equal(volumeDiscountRate(500), 0.1);
  });
});

describe('priceQuote', () => {
  it('prices each line and adds up the totals in whole cents', () => {
    const quote = priceQuote({
      currency: 'EUR',
      lines: [
        { sku: 'PAL-1200', quantity: 120, unitPrice: 2.5 },
        { sku: 'STRAP-19', quantity: 3, unitPrice: 19.99 },
        { sku: 'BOX-S', quantity: 600, unitPrice: 0.07 },
      ],
    });
    assert.deepEqual(
      quote.lines.map(l => [l.sku, l.discountRate, l.gross, l.discount, l.net]),
      [
        ['PAL-1200', 0.05, 300, 15, 285],
        ['STRAP-19', 0, 59.97, 0, 59.97],
        ['BOX-S', 0.1, 42, 4.2, 37.8],
      ],
    );
    assert.equal(quote.subtotal, 401.97);
    assert.equal(quote.discount, 19.2);
    assert.equal(quote.total, 382.77);
    assert.equal(quote.currency, 'EUR');
  });

  it('does not pick up floating-point error on cent amounts', () => {
    const quote = priceQuote({
      currency: 'USD',
      lines: [
        { sku: 'A', quantity: 3, unitPrice: 0.1 },
        { sku: 'B', quantity: 1, unitPrice: 0.2 },
      ],
    });
    assert.equal(quote.total, 0.5);
  });
});

describe('parseQuoteRequest', () => {
  it('accepts a well-formed request', () => {
    const parsed = parseQuoteRequest({
      currency: 'GBP',
      lines: [{ sku: 'X-1', quantity: 1, unitPrice: 0 }],
    });
    assert.equal(parsed.ok, true);
  });

  it('names every problem', () => {
    const parsed = parseQuoteRequest({
      currency: 'euro',
      lines: [
        { sku: '', quantity: 1.5, unitPrice: 1 },
        { sku: 'OK', quantity: 2, unitPrice: 1.234 },
      ],
    });
    assert.deepEqual(parsed, {
      ok: false,
      problems: [
        'currency must be an ISO 4217 code such as EUR',
        'lines[0].sku must be an item number',
        'lines[0].quantity must be a whole number 1 to 1000000',
        'lines[1].unitPrice must be an amount of at most 2 decimals',
      ],
    });
  });

  it('refuses a request without lines or that is not an object', () => {
    assert.equal(parseQuoteRequest({ currency: 'EUR', lines: [] }).ok, false);
    assert.equal(parseQuoteRequest([]).ok, false);
    assert.equal(parseQuoteRequest(null).ok, false);
  });
});
