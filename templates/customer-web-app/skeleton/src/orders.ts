// Order status as customers see it: the ERP's fulfilment milestones, summed up in four steps.

/** Fulfilment milestones, in the order they happen. */
export const MILESTONES = [
  'received',
  'allocated',
  'picked',
  'shipped',
  'delivered',
] as const;

export type MilestoneCode = (typeof MILESTONES)[number];
export type Milestone = { code: MilestoneCode; at: string };

/** The status of an order as the page and the API show it. */
export type OrderStatus = {
  orderId: string;
  status: 'received' | 'preparing' | 'on-the-way' | 'delivered';
  label: string;
  step: number;
  steps: number;
  updatedAt: string | null;
};

const STEPS: Record<
  MilestoneCode,
  Pick<OrderStatus, 'status' | 'label' | 'step'>
> = {
  received: { status: 'received', label: 'Order received', step: 1 },
  allocated: { status: 'preparing', label: 'Being prepared', step: 2 },
  picked: { status: 'preparing', label: 'Being prepared', step: 2 },
  shipped: { status: 'on-the-way', label: 'On the way', step: 3 },
  delivered: { status: 'delivered', label: 'Delivered', step: 4 },
};

const ORDER_ID = /^[A-Z0-9][A-Z0-9-]{2,39}$/;

/** Whether a text is an order number customers can look up (3 to 40 capitals, digits, dashes). */
export function isOrderId(id: string): boolean {
  return ORDER_ID.test(id);
}

/** Reads the milestones of an order status answer, skipping ones this app does not know. */
export function parseMilestones(body: unknown): Milestone[] | undefined {
  const list = (body as { milestones?: unknown } | null)?.milestones;
  if (!Array.isArray(list)) {
    return undefined;
  }
  return list.filter(
    (m): m is Milestone =>
      MILESTONES.includes(m?.code) &&
      typeof m?.at === 'string' &&
      !Number.isNaN(Date.parse(m.at)),
  );
}

/** The customer-facing status: the furthest milestone reached, whatever order they arrived in. */
export function customerStatus(
  orderId: string,
  milestones: readonly Milestone[],
): OrderStatus {
  const furthest = [...milestones].sort(
    (a, b) => MILESTONES.indexOf(b.code) - MILESTONES.indexOf(a.code),
  )[0];
  return {
    orderId,
    ...STEPS[furthest?.code ?? 'received'],
    steps: 4,
    updatedAt: furthest ? new Date(furthest.at).toISOString() : null,
  };
}
