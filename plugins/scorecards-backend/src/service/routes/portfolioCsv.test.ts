import { Writable } from 'node:stream';
import { PortfolioItem } from '../../database/types';
import {
  portfolioCsvHeader,
  portfolioCsvLine,
  writePortfolioCsv,
} from './portfolioCsv';

function item(n: number): PortfolioItem {
  return {
    entityRef: `component:default/svc-${n}`,
    title: n === 1 ? '=HYPERLINK("x")' : `Service, ${n}`,
    owner: 'group:default/team-a',
    system: null,
    tier: 'critical',
    businessProcesses: ['domain:default/order-to-cash'],
    version: `1.${n}.0`,
    releasedAt: '2026-11-01T00:00:00.000Z',
    score: 90 - n,
    grade: 'A',
    gates: { production: 'pass', staging: 'warn' },
    effectiveGates: { production: 'pass', staging: 'warn' },
    gateAdjustments: {},
    failingChecks: [
      { id: 'kill-switch', title: 'Kill switch', status: 'fail' },
    ],
  };
}

/** A client that reads slowly: each chunk is taken a tick later, with a tiny buffer. */
class SlowClient extends Writable {
  text = '';
  constructor() {
    super({ highWaterMark: 64, decodeStrings: false });
  }
  _write(chunk: string, _encoding: string, done: () => void) {
    setImmediate(() => {
      this.text += chunk;
      done();
    });
  }
}

describe('writePortfolioCsv', () => {
  const pages = [[item(0), item(1)], [item(2), item(3)], [item(4)]];

  it('writes the header and every line, the same bytes as line by line', async () => {
    const client = new SlowClient();
    async function* read() {
      yield* pages;
    }
    const lines = await writePortfolioCsv(client, read());
    await new Promise<void>(resolve => client.end(resolve));
    expect(lines).toBe(5);
    expect(client.text).toBe(
      portfolioCsvHeader() + pages.flat().map(portfolioCsvLine).join(''),
    );
    expect(client.text).toContain(`,"'=HYPERLINK(""x"")",`);
  });

  it('reads the next page only once the client has taken the last one', async () => {
    const client = new SlowClient();
    const buffered: number[] = [];
    async function* read() {
      for (const page of pages) {
        buffered.push(client.writableLength);
        yield page;
      }
    }
    await writePortfolioCsv(client, read());
    // Each page is over the client's 64-byte buffer, so every read after the first waited.
    expect(buffered.slice(1).every(n => n <= 64)).toBe(true);
    expect(buffered).toHaveLength(3);
  });

  it('stops reading pages when the client goes away', async () => {
    const client = new SlowClient();
    let read = 0;
    async function* pagesUntilGone() {
      for (const page of pages) {
        read++;
        yield page;
        client.destroy();
      }
    }
    const lines = await writePortfolioCsv(client, pagesUntilGone());
    expect(lines).toBe(2);
    expect(read).toBe(2);
  });
});
