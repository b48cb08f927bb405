import { tenantRefResolver } from './tenantRefs';

describe('tenantRefResolver', () => {
  const resolve = tenantRefResolver([
    'resource:default/acme',
    'resource:emea/Globex-DE',
  ]);

  it('takes a planned ref as it is', () => {
    expect(resolve('resource:default/acme')).toBe('resource:default/acme');
    expect(resolve('resource:emea/Globex-DE')).toBe('resource:emea/Globex-DE');
  });

  it('finds the planned tenant a name or namespace/name names, whatever its case', () => {
    expect(resolve('acme')).toBe('resource:default/acme');
    expect(resolve('ACME')).toBe('resource:default/acme');
    expect(resolve('emea/globex-de')).toBe('resource:emea/Globex-DE');
    expect(resolve('Resource:EMEA/globex-de')).toBe('resource:emea/Globex-DE');
  });

  it('finds nothing for a tenant not planned, or a ref it cannot read', () => {
    expect(resolve('globex-de')).toBeUndefined(); // another namespace
    expect(resolve('component:default/acme')).toBeUndefined();
    expect(resolve('resource:default/initech')).toBeUndefined();
    expect(resolve('a:b:c/d')).toBeUndefined();
  });
});
