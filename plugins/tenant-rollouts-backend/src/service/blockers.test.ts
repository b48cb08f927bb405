import { HealthBlocker } from '@waybill/plugin-tenant-rollouts-common';
import {
  blockerShownTo,
  freezeBlocker,
  healthBlocker,
  LISTED_TENANTS,
} from './blockers';

const ref = (i: number) => `resource:default/t${i}`;
const wave = { index: 2, name: 'broad' };

/** A wave of 200 tenants, 50 failing: t0 to t49. */
const failing = healthBlocker({
  wave,
  healthy: 150,
  total: 200,
  needed: 190,
  healthThreshold: 0.95,
  failing: 50,
  tenants: Array.from({ length: 50 }, (_, i) => ({
    ref: ref(i),
    title: `T${i}`,
    status: 'failed' as const,
    detail: null,
  })),
});

describe('blockerShownTo', () => {
  it('lists the first 20 failing tenants and counts the rest, with the message naming them as before', () => {
    const shown = blockerShownTo(failing) as HealthBlocker;
    expect(shown.tenants.map(t => t.ref)).toEqual(
      Array.from({ length: LISTED_TENANTS }, (_, i) => ref(i)),
    );
    expect(shown.unlisted).toBe(30);
    expect(shown.failing).toBe(50);
    expect(shown.message).toBe(
      'Wave 2 (broad) is 150 of 200 healthy; it needs 190 (95%); 50 failing: T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, ...',
    );
  });

  it('lists, counts and names only the tenants a reader may read, and counts the others apart', () => {
    // They may read the odd ones: 25 of the 50.
    const readable = new Set(
      Array.from({ length: 25 }, (_, i) => ref(2 * i + 1)),
    );
    const shown = blockerShownTo(failing, readable) as HealthBlocker;
    expect(shown.tenants).toHaveLength(20);
    expect(shown.tenants.every(t => readable.has(t.ref))).toBe(true);
    expect(shown.unlisted).toBe(5);
    expect(shown.failing - shown.tenants.length - shown.unlisted).toBe(25);
    expect(shown.message).toMatch(
      /; 50 failing: T1, T3, T5, T7, T9, T11, T13, T15, T17, T19, \.\.\., 25 you may not read$/,
    );
  });

  it('lists every frozen tenant of a short list, with none unlisted', () => {
    const frozen = freezeBlocker({
      wave,
      frozen: 3,
      opensAt: '2026-12-24T00:00:00.000Z',
      tenants: [0, 1, 2].map(i => ({
        ref: ref(i),
        title: `T${i}`,
        windows: [],
        opensAt: '2026-12-24T00:00:00.000Z',
      })),
    });
    const shown = blockerShownTo(frozen, new Set([ref(0), ref(2)]));
    expect(shown).toMatchObject({ frozen: 3, unlisted: 0 });
    expect(shown.message).toBe(
      '3 tenant(s) of wave 2 (broad) are in a freeze window and are held back: T0 (; opens 2026-12-24T00:00:00.000Z), T2 (; opens 2026-12-24T00:00:00.000Z), 1 you may not read',
    );
  });
});
