import { parseSizes, readSettings } from './settings';

describe('bench settings', () => {
  it('reads a list of sizes, ascending', () => {
    expect(parseSizes('5000, 20000,50000', 'X')).toEqual([5000, 20000, 50000]);
  });

  it.each(['', '5000,2000', '5000,abc', '50', '5000,5000'])(
    'refuses "%s" naming the variable',
    text => {
      expect(() => parseSizes(text, 'WAYBILL_BENCH_SIZES')).toThrow(
        /^WAYBILL_BENCH_SIZES=/,
      );
    },
  );

  it('runs both engines at the default sizes unless told otherwise', () => {
    expect(readSettings({}).sizes).toEqual({
      postgres: [5000, 20000, 50000],
      sqlite: [5000, 20000, 50000],
    });
    expect(readSettings({ WAYBILL_BENCH_ENTITIES: '1000' }).sizes).toEqual({
      postgres: [1000],
      sqlite: [1000],
    });
    expect(
      readSettings({
        WAYBILL_BENCH_SIZES: '1000,2000',
        WAYBILL_BENCH_SQLITE_SIZES: '500',
      }).sizes,
    ).toEqual({ postgres: [1000, 2000], sqlite: [500] });
  });

  it('refuses an unknown engine', () => {
    expect(() => readSettings({ WAYBILL_BENCH_ENGINES: 'mysql' })).toThrow(
      /unknown engine "mysql"/,
    );
  });
});
