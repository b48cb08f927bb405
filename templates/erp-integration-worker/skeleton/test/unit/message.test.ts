import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  ERP_OPERATION,
  parseMessage,
  toErpRequest,
} from '../../src/message.ts';

const message = {
  id: 'msg-000123',
  tenant: 'harbor-foods-wholesale',
  type: 'document.received',
  data: { documentNumber: 'D-77', amount: 1250.5 },
};

describe('parseMessage', () => {
  it('accepts a well-formed message', () => {
    assert.deepEqual(parseMessage(message), { ok: true, message });
  });

  it('names every problem', () => {
    assert.deepEqual(
      parseMessage({ id: '', tenant: 'Harbor Foods', type: 'X', data: [] }),
      {
        ok: false,
        problems: [
          'id must be 1 to 128 letters, digits, dots, colons or dashes',
          'tenant must be a tenant name (lowercase kebab-case)',
          'type must be a lowercase event type such as invoice.received',
          'data must be a JSON object',
        ],
      },
    );
    assert.equal(parseMessage('text').ok, false);
  });
});

describe('toErpRequest', () => {
  it('posts to the tenant, idempotent on the message id', () => {
    const request = toErpRequest(message, new Date('2025-03-01T10:00:00Z'));
    assert.equal(request.method, 'POST');
    assert.equal(
      request.path,
      ERP_OPERATION.path.replace('{tenantId}', 'harbor-foods-wholesale'),
    );
    assert.equal(request.headers['idempotency-key'], 'msg-000123');
    assert.deepEqual(request.body, {
      documentNumber: 'D-77',
      amount: 1250.5,
      externalReference: 'msg-000123',
      eventType: 'document.received',
      receivedAt: '2025-03-01T10:00:00.000Z',
    });
  });

  it('does not let the data override the envelope', () => {
    const request = toErpRequest(
      { ...message, data: { externalReference: 'forged' } },
      new Date(0),
    );
    assert.equal(request.body.externalReference, 'msg-000123');
  });
});

describe('the contract the worker declares', () => {
  it('lists exactly the operation the worker calls', () => {
    const declared = JSON.parse(
      readFileSync(
        new URL('../contract/${{ values.erpApi }}.json', import.meta.url),
        'utf8',
      ),
    );
    assert.deepEqual(declared.operations, [{ ...ERP_OPERATION }]);
  });
});
