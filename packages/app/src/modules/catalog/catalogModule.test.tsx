import { catalogModule, mergeExportSettings } from './catalogModule';

describe('the app’s catalog module', () => {
  it('overrides the catalog’s index page', () => {
    expect(catalogModule.pluginId).toBe('catalog');
  });

  it('merges export settings as the catalog page does: off unless enabled', () => {
    const csv = jest.fn();
    const onError = jest.fn();
    expect(
      mergeExportSettings(undefined, [{ exporters: { csv } as any }]),
    ).toBeUndefined();
    expect(
      mergeExportSettings({ enabled: true }, [
        undefined,
        { exporters: { csv } as any, columns: [{ entityFilterKey: 'a' }] },
        { columns: [{ entityFilterKey: 'b' }], onError },
      ]),
    ).toEqual({
      enabled: true,
      exporters: { csv },
      columns: [{ entityFilterKey: 'a' }],
      onError,
    });
  });
});
