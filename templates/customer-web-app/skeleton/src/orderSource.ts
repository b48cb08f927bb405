// Where order milestones come from: the order status API at ORDER_STATUS_API_URL, or, for
// synthetic transactions, a fixed book of synthetic orders that never touches the ERP.
import type { Milestone } from './orders.ts';
import { parseMilestones } from './orders.ts';

/** Failure to read an order's milestones; `status` is what the app answers. */
export class OrderSourceError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Orders the pipeline's synthetic checks look up. */
export const SYNTHETIC_ORDERS: Readonly<Record<string, Milestone[]>> = {
  'SYNTHETIC-RECEIVED': [{ code: 'received', at: '2025-01-06T08:00:00Z' }],
  'SYNTHETIC-SHIPPED': [
    { code: 'received', at: '2025-01-06T08:00:00Z' },
    { code: 'allocated', at: '2025-01-06T08:05:00Z' },
    { code: 'picked', at: '2025-01-06T11:30:00Z' },
    { code: 'shipped', at: '2025-01-06T16:45:00Z' },
  ],
  'SYNTHETIC-DELIVERED': [
    { code: 'received', at: '2025-01-06T08:00:00Z' },
    { code: 'shipped', at: '2025-01-06T16:45:00Z' },
    { code: 'delivered', at: '2025-01-07T10:12:00Z' },
  ],
};

/** Milestones of a synthetic order, or undefined when there is no such order. */
export function syntheticMilestones(orderId: string): Milestone[] | undefined {
  return Object.hasOwn(SYNTHETIC_ORDERS, orderId)
    ? SYNTHETIC_ORDERS[orderId]
    : undefined;
}

/** Milestones from the order status API; undefined when it does not know the order. */
export async function fetchMilestones(
  baseUrl: string | undefined,
  orderId: string,
  timeoutMs = 5_000,
): Promise<Milestone[] | undefined> {
  if (!baseUrl) {
    throw new OrderSourceError(503, 'ORDER_STATUS_API_URL is not set');
  }
  let res: Response;
  try {
    res = await fetch(
      `${baseUrl.replace(/\/+$/, '')}/orders/${encodeURIComponent(
        orderId,
      )}/status`,
      {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      },
    );
  } catch (error) {
    throw new OrderSourceError(
      502,
      `the order status API could not be reached: ${(error as Error).message}`,
    );
  }
  if (res.status === 404) {
    await res.body?.cancel();
    return undefined;
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new OrderSourceError(
      502,
      `the order status API answered ${res.status}`,
    );
  }
  const milestones = parseMilestones(await res.json().catch(() => undefined));
  if (!milestones) {
    throw new OrderSourceError(
      502,
      'the order status API answered without milestones',
    );
  }
  return milestones;
}
