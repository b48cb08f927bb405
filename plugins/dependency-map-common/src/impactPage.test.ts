import { InputError } from '@backstage/errors';
import { demoGraph } from './__testUtils__/demoEstate';
import { analyzeImpact } from './impact';
import { IMPACT_PROCESS_REFS, pageImpact } from './impactPage';

describe('pageImpact', () => {
  const report = analyzeImpact(demoGraph(), 'component:default/inventory');

  it('orders the affected entities by distance, then ref, and pages them', () => {
    const keys = report.affected.map(a => [a.distance, a.entityRef] as const);
    const codeUnits = (a: string, b: string) => (a < b ? -1 : Number(a > b));
    const sorted = [...keys].sort((a, b) =>
      a[0] !== b[0] ? a[0] - b[0] : codeUnits(a[1], b[1]),
    );
    expect(keys).toEqual(sorted);
    expect(report.affected.length).toBeGreaterThan(10);

    const pages = [0, 5, 10, 15, 20, 25, 30].map(offset =>
      pageImpact(report, { limit: 5, offset }),
    );
    expect(pages.flatMap(p => p.affected)).toEqual(report.affected);
    for (const page of pages) {
      expect(page.total).toBe(report.affected.length);
      expect(page.limit).toBe(5);
      expect(page.truncated).toBe(page.offset + 5 < report.affected.length);
    }
    expect(pages[0].affected).toHaveLength(5);
    expect(pages[0].truncated).toBe(true);
  });

  it('counts the business processes and tenants over every affected entity, not the page', () => {
    const page = pageImpact(report, { limit: 1 });
    expect(page.affected).toHaveLength(1);
    expect(page.depthTruncated).toBe(false);
    expect(page.tenantCount).toBe(report.tenants.length);
    expect(page.tenants).toEqual(report.tenants.slice(0, 1));
    expect(page.businessProcesses.map(p => [p.ref, p.entityCount])).toEqual(
      report.businessProcesses.map(p => [p.ref, p.entityRefs.length]),
    );
    for (const p of page.businessProcesses) {
      expect(p.entityRefs.length).toBe(
        Math.min(p.entityCount, IMPACT_PROCESS_REFS),
      );
    }
  });

  it('answers the whole list under the default limit, and nothing past the end', () => {
    const all = pageImpact(report);
    expect(all.affected).toEqual(report.affected);
    expect([all.limit, all.offset, all.truncated]).toEqual([500, 0, false]);
    const past = pageImpact(report, { offset: report.affected.length + 3 });
    expect([past.affected.length, past.total, past.truncated]).toEqual([
      0,
      report.affected.length,
      false,
    ]);
  });

  it('says where maxDepth cut the search, apart from the page', () => {
    const shallow = analyzeImpact(demoGraph(), 'component:default/inventory', {
      maxDepth: 1,
    });
    const page = pageImpact(shallow);
    expect([page.depthTruncated, page.truncated]).toEqual([true, false]);
  });

  it.each([
    [{ limit: 0 }, 'limit must be an integer from 1 to 5000, not 0'],
    [{ limit: 5001 }, 'limit must be an integer from 1 to 5000, not 5001'],
    [{ limit: 1.5 }, 'limit must be an integer from 1 to 5000, not 1.5'],
    [{ offset: -1 }, 'offset must be an integer from 0'],
  ])('rejects %j', (options, message) => {
    expect(() => pageImpact(report, options)).toThrow(InputError);
    expect(() => pageImpact(report, options)).toThrow(message);
  });
});
