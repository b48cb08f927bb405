import {
  isFiltered,
  searchParamsFromView,
  viewFromSearchParams,
} from './portfolioView';

describe('portfolio view in the URL', () => {
  it('reads every filter and the sort', () => {
    const view = viewFromSearchParams(
      new URLSearchParams(
        'owner=group:default/warehouse-systems&system=system:default/erp-core&businessProcess=order-to-cash&tier=critical&grade=F&gate=production:fail&waived=true&sort=-score',
      ),
    );
    expect(view).toEqual({
      filter: {
        owner: 'group:default/warehouse-systems',
        system: 'system:default/erp-core',
        businessProcess: 'order-to-cash',
        tier: 'critical',
        grade: 'F',
        gate: { environment: 'production', decision: 'fail' },
        waived: true,
      },
      sort: '-score',
    });
  });

  it('round-trips through the query string', () => {
    const view = {
      filter: {
        businessProcess: 'procure-to-pay',
        gate: { environment: 'staging', decision: 'warn' as const },
        waived: true,
      },
      sort: 'updated' as const,
    };
    const text = searchParamsFromView(view).toString();
    expect(text).toBe(
      'businessProcess=procure-to-pay&gate=staging%3Awarn&waived=true&sort=updated',
    );
    expect(viewFromSearchParams(new URLSearchParams(text))).toEqual(view);
  });

  it('drops values the backend would refuse and defaults the sort', () => {
    expect(
      viewFromSearchParams(
        new URLSearchParams(
          'tier=gold&grade=E&gate=production&businessProcess=Order%20To%20Cash&sort=random',
        ),
      ),
    ).toEqual({ filter: {}, sort: 'name' });
    expect(searchParamsFromView({ filter: {}, sort: 'name' }).toString()).toBe(
      '',
    );
  });

  it('tells a filtered view from the whole portfolio', () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ owner: undefined })).toBe(false);
    expect(isFiltered({ tier: 'internal' })).toBe(true);
  });
});
