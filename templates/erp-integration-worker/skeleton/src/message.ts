// Messages from the ${{ values.queue }} queue, and the ${{ values.erpApi }} request each becomes.

/** A message on the queue: who it is for, what happened, and the data. */
export type QueueMessage = {
  id: string;
  tenant: string;
  type: string;
  data: Record<string, unknown>;
};

/**
 * The ${{ values.erpApi }} operation this worker calls. test/contract/${{ values.erpApi }}.json
 * declares it for the contract tests (a unit test keeps the two the same): change both when the
 * worker calls the API differently.
 */
export const ERP_OPERATION = {
  method: 'post',
  path: '${{ values.erpPath }}',
} as const;

/** A request to the ERP API. */
export type ErpRequest = {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
};

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const TENANT = /^[a-z0-9][a-z0-9-]{0,62}$/;
const TYPE = /^[a-z][a-z0-9.-]{0,99}$/;

/** Checks a message, naming every problem. */
export function parseMessage(
  body: unknown,
): { ok: true; message: QueueMessage } | { ok: false; problems: string[] } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, problems: ['the message must be a JSON object'] };
  }
  const { id, tenant, type, data } = body as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof id !== 'string' || !ID.test(id)) {
    problems.push(
      'id must be 1 to 128 letters, digits, dots, colons or dashes',
    );
  }
  if (typeof tenant !== 'string' || !TENANT.test(tenant)) {
    problems.push('tenant must be a tenant name (lowercase kebab-case)');
  }
  if (typeof type !== 'string' || !TYPE.test(type)) {
    problems.push(
      'type must be a lowercase event type such as invoice.received',
    );
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push('data must be a JSON object');
  }
  if (problems.length) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    message: {
      id: id as string,
      tenant: tenant as string,
      type: type as string,
      data: data as Record<string, unknown>,
    },
  };
}

/** The ERP request of a message: the tenant's resource, idempotent on the message id. */
export function toErpRequest(
  message: QueueMessage,
  receivedAt: Date,
): ErpRequest {
  return {
    method: 'POST',
    path: ERP_OPERATION.path.replace(
      '{tenantId}',
      encodeURIComponent(message.tenant),
    ),
    headers: {
      'content-type': 'application/json',
      'idempotency-key': message.id,
    },
    body: {
      ...message.data,
      externalReference: message.id,
      eventType: message.type,
      receivedAt: receivedAt.toISOString(),
    },
  };
}
