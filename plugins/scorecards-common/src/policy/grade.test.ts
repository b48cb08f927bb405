import { gradeOf, scoreOf } from './grade';

describe('gradeOf', () => {
  it.each([
    [100, 'A'],
    [90, 'A'],
    [89, 'B'],
    [80, 'B'],
    [79, 'C'],
    [70, 'C'],
    [69, 'D'],
    [60, 'D'],
    [59, 'F'],
    [0, 'F'],
  ])('grades %d as %s', (score, grade) => {
    expect(gradeOf(score)).toBe(grade);
  });
});

describe('scoreOf', () => {
  it('weighs passing scored checks against all scored checks, rounding down', () => {
    expect(
      scoreOf([
        { status: 'pass', weight: 2, scored: true },
        { status: 'fail', weight: 1, scored: true },
        { status: 'missing', weight: 5, scored: false },
      ]),
    ).toBe(66);
  });

  it('is 100 when nothing is scored', () => {
    expect(scoreOf([])).toBe(100);
    expect(scoreOf([{ status: 'fail', weight: 1, scored: false }])).toBe(100);
  });
});
