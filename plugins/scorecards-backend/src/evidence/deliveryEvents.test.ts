import { InputError } from '@backstage/errors';
import { readFixture } from './__testUtils__/fixtures';
import { parseDeliveryEvents } from './deliveryEvents';

const fixture = (name: string): unknown => JSON.parse(readFixture(name));

/** A minimal CDEvent of `type` for `subject`, naming its entity in customData. */
function cdEvent(
  type: string,
  subject: Record<string, unknown> = {},
  customData: unknown = { entityRef: 'component:default/orders' },
) {
  return {
    context: {
      version: '0.4.1',
      id: `id-${type}`,
      source: '/ci',
      type,
      timestamp: '2024-05-14T08:00:00Z',
    },
    subject: { id: 'subject-1', source: '/ci', ...subject },
    customData,
  };
}

describe('parseDeliveryEvents', () => {
  it("reads Waybill's JSON, normalizing timestamps to UTC and deriving missing ids", () => {
    const events = parseDeliveryEvents(fixture('delivery-events.waybill.json'));
    expect(events).toHaveLength(5);
    expect(events[1]).toEqual({
      type: 'deployment',
      entityRef: 'component:default/orders',
      occurredAt: '2024-05-14T07:48:03.512Z',
      version: '2.4.0',
      environment: 'production',
      commit: '9f2c4e1a7b3d5f60812e4c9a0b7d3f5e1c2a4b6d',
      source: 'argocd/prod-eu-1',
      id: 'argocd-orders-2024-05-14-01',
    });
    expect(events[2]).toEqual({
      type: 'incident-detected',
      entityRef: 'component:default/orders',
      occurredAt: '2024-05-14T08:03:10.000Z',
      incidentId: 'INC-20240514-007',
      environment: 'production',
      source: 'pagerduty',
      id: expect.stringMatching(/^waybill:[0-9a-f]{32}$/),
    });
    expect(events.map(e => e.type)).toEqual([
      'change-merged',
      'deployment',
      'incident-detected',
      'rollback',
      'incident-resolved',
    ]);
    expect(events[3].failed).toBe(true);
  });

  it('derives the same id for the same event sent twice', () => {
    const event = {
      type: 'deployment',
      entityRef: 'Component:orders',
      occurredAt: '2024-05-14T10:00:00+02:00',
    };
    const [first] = parseDeliveryEvents(event);
    const [second] = parseDeliveryEvents({
      events: [
        {
          ...event,
          entityRef: 'component:default/orders',
          occurredAt: '2024-05-14T08:00:00Z',
        },
      ],
    });
    expect(first.entityRef).toBe('component:default/orders');
    expect(first.id).toBe(second.id);
    const [other] = parseDeliveryEvents({ ...event, version: '2.0.0' });
    expect(other.id).not.toBe(first.id);
  });

  it('reads CDEvents v0.4', () => {
    expect(parseDeliveryEvents(fixture('cdevents.json'))).toEqual([
      {
        type: 'deployment',
        entityRef: 'component:default/orders',
        occurredAt: '2024-05-14T07:48:03.315Z',
        id: '271069a8-fc18-44f1-b38f-9d70a1695819',
        source: '/tekton/pipelines/orders-deploy',
        version:
          'sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945',
        environment: 'production',
      },
      {
        type: 'deployment',
        entityRef: 'component:storefront/web',
        occurredAt: '2024-05-14T09:02:17.000Z',
        id: 'f2d1c0b9-8a7e-4d6c-b5a4-93e2f1d0c9b8',
        source: '/tekton/pipelines/web-deploy',
        version: '1.8.2',
        environment: 'staging',
      },
      {
        type: 'rollback',
        entityRef: 'component:default/orders',
        occurredAt: '2024-05-14T08:11:52.000Z',
        id: '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
        source: '/argocd/prod-eu-1',
        version: '2.3.7',
        environment: 'production',
      },
      {
        type: 'incident-detected',
        entityRef: 'component:default/orders',
        occurredAt: '2024-05-14T08:03:10.000Z',
        id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
        source: '/alertmanager/prod-eu-1',
        version:
          'sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945',
        environment: 'production',
        incidentId: 'INC-20240514-007',
      },
      {
        type: 'incident-resolved',
        entityRef: 'component:default/orders',
        occurredAt: '2024-05-14T08:26:40.000Z',
        id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
        source: '/alertmanager/prod-eu-1',
        environment: 'production',
        incidentId: 'INC-20240514-007',
      },
      {
        type: 'change-merged',
        entityRef: 'component:default/orders',
        occurredAt: '2024-05-13T16:02:44.000Z',
        id: '3f2e1d0c-9b8a-4f7e-a6d5-c4b3a2918f7e',
        source: 'https://github.com/acme/orders',
        commit: '9f2c4e1a7b3d5f60812e4c9a0b7d3f5e1c2a4b6d',
      },
    ]);
  });

  it('reads a single CDEvent of any 0.x version', () => {
    const [event] = parseDeliveryEvents(
      cdEvent('dev.cdevents.service.deployed.0.3.0-draft'),
    );
    expect(event).toMatchObject({
      type: 'deployment',
      id: 'id-dev.cdevents.service.deployed.0.3.0-draft',
    });
  });

  it('reads versions from package URLs, qualifiers and subpaths aside', () => {
    const version = (artifactId: string) =>
      parseDeliveryEvents(
        cdEvent('dev.cdevents.service.deployed.0.2.0', {
          content: { artifactId },
        }),
      )[0].version;
    expect(version('pkg:npm/%40acme/web@1.8.2?tag=latest#dist')).toBe('1.8.2');
    expect(version('pkg:npm/@acme/web')).toBeUndefined();
    expect(version('pkg:generic/orders')).toBeUndefined();
    expect(() => version('ghcr.io/acme/orders:2.4.0')).toThrow(
      'event.subject.content.artifactId: expected a package URL',
    );
    expect(() => version('pkg:npm/web@%E0%A4%A')).toThrow(
      /expected a package URL/,
    );
  });

  it('refuses a CDEvent that names no entity, or names it badly', () => {
    expect(() =>
      parseDeliveryEvents(
        cdEvent('dev.cdevents.change.merged.0.2.0', {}, null),
      ),
    ).toThrow(
      new InputError(
        'Delivery events are invalid: event.customData.entityRef: the event names no Backstage entity: set customData.entityRef (e.g. "component:default/inventory") or a subject.source of the form "backstage:component:default/inventory"',
      ),
    );
    expect(() =>
      parseDeliveryEvents(
        cdEvent(
          'dev.cdevents.change.merged.0.2.0',
          {},
          { entityRef: 'orders' },
        ),
      ),
    ).toThrow(
      'event.customData.entityRef: expected an entity ref like component:default/inventory',
    );
    expect(() =>
      parseDeliveryEvents(
        cdEvent(
          'dev.cdevents.change.merged.0.2.0',
          { source: 'backstage:' },
          'opaque',
        ),
      ),
    ).toThrow(
      'event.subject.source: expected an entity ref like component:default/inventory',
    );
  });

  it('refuses CDEvents Waybill does not read', () => {
    for (const type of [
      'dev.cdevents.pipelinerun.finished.0.2.0',
      'dev.cdevents.service.deployed.1.0.0',
      'dev.cdevents.service.deployed',
      'io.example.service.deployed.0.2.0',
    ]) {
      expect(() => parseDeliveryEvents([cdEvent(type)])).toThrow(
        /^Delivery events are invalid: events\[0\]\.context\.type: ".*" is not a CDEvent Waybill reads/,
      );
    }
  });

  it('requires the fields each Waybill event type needs', () => {
    const base = {
      entityRef: 'component:default/orders',
      occurredAt: '2024-05-14T08:00:00Z',
    };
    expect(() =>
      parseDeliveryEvents({ ...base, type: 'incident-resolved' }),
    ).toThrow(
      'event.incidentId: required for incident-resolved, to pair detection with resolution',
    );
    expect(() =>
      parseDeliveryEvents({ ...base, type: 'change-merged' }),
    ).toThrow('event.commit: required for change-merged');
  });

  it('lists the problems of every event with its index', () => {
    const body = {
      events: [
        {
          type: 'deployment',
          entityRef: 'component:default/a',
          occurredAt: '2024-05-14T08:00:00Z',
        },
        {
          type: 'deploy',
          entityRef: 'component:default/a',
          occurredAt: '2024-05-14',
        },
        {
          type: 'rollback',
          entityRef: 'component:default/a',
          occurredAt: '2024-05-14T08:00:00Z',
          env: 'prod',
        },
      ],
    };
    expect(() => parseDeliveryEvents(body)).toThrow(
      /^Delivery events are invalid: events\[1\]\.type: .*; events\[1\]\.occurredAt: expected an ISO 8601 timestamp with a time zone.*; events\[2\]: Unrecognized key: "env"$/,
    );
  });

  it('refuses bodies that are not events', () => {
    expect(parseDeliveryEvents([])).toEqual([]);
    expect(parseDeliveryEvents({ events: [] })).toEqual([]);
    expect(() => parseDeliveryEvents({ events: {} })).toThrow(
      'Delivery events are invalid: body.events: Invalid input: expected array, received object',
    );
    expect(() => parseDeliveryEvents({ events: [], extra: 1 })).toThrow(
      /body: Unrecognized key: "extra"/,
    );
    expect(() => parseDeliveryEvents('deployment')).toThrow(
      'Delivery events are invalid: event: Invalid input: expected object, received string',
    );
    expect(() => parseDeliveryEvents(null)).toThrow(InputError);
  });
});
