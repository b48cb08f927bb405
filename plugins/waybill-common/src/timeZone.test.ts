import { isTimeZone } from './timeZone';

describe('isTimeZone', () => {
  it('knows IANA zones, the same answer when asked again', () => {
    for (let i = 0; i < 2; i++) {
      expect(isTimeZone('Europe/Amsterdam')).toBe(true);
      expect(isTimeZone('UTC')).toBe(true);
      expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    }
  });

  it.each(['', 'Mars/Olympus_Mons', 'Europe/Amsterdam ', 'GMT+25'])(
    'refuses %j, each time',
    zone => {
      expect(isTimeZone(zone)).toBe(false);
      expect(isTimeZone(zone)).toBe(false);
    },
  );
});
