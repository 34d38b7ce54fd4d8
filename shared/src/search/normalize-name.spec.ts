import { normalizeName } from './normalize-name';

describe('normalizeName', () => {
  it('should fold umlauts and ß the German way so "Mueller" and "Müller" are one word', () => {
    expect(normalizeName('Müller')).toBe('mueller');
    expect(normalizeName('MÜLLER')).toBe('mueller');
    expect(normalizeName('Mueller')).toBe('mueller');
    expect(normalizeName('Weiß')).toBe('weiss');
    expect(normalizeName('Schäfer-Köhler')).toBe('schaefer koehler');
  });

  it('should strip other accents and collapse separators', () => {
    expect(normalizeName('  José  Çelik ')).toBe('jose celik');
    expect(normalizeName("O'Brien")).toBe('o brien');
  });
});
