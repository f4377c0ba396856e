import { slugOf } from '../apps/console/src/pages/desk/proposal-id';

describe("The id the meeting desk makes from a proposal's title", () => {
  it('joins the words of a Latin title, accents dropped', () => {
    expect(slugOf('Widen the definition of “conflict diamonds”')).toBe('widen-the-definition-of-conflict-diamonds');
    expect(slugOf('Côte d’Ivoire: lift the embargo')).toBe('cote-d-ivoire-lift-the-embargo');
    // Letters that are not a–z with an accent are spelled as ASCII spells them, not cut out.
    expect(slugOf('Straße und Œuvre: Überprüfung')).toBe('strasse-und-oeuvre-uberprufung');
    expect(slugOf('Øresund, Łódź and Þingvellir')).toBe('oresund-lodz-and-thingvellir');
  });

  it('gives a title of another script proposal- and a digest of it, the same for the same title and another for another', () => {
    const id = slugOf('Расширить определение');
    expect(id).toMatch(/^proposal-[0-9a-z]{1,7}$/);
    expect(slugOf('Расширить определение')).toBe(id);
    expect(slugOf('Сузить определение')).not.toBe(id);
  });

  it('gives a title with no letter or digit proposal- and a digest, never an empty id', () => {
    expect(slugOf('💎💎')).toMatch(/^proposal-[0-9a-z]+$/);
    expect(slugOf('!!!')).toMatch(/^proposal-[0-9a-z]+$/);
    expect(slugOf('💎💎')).not.toBe(slugOf('!!!'));
  });

  it('cuts a title too long for an id between words, with a digest, so that two long titles alike at first differ', () => {
    const title = 'Amendment to the administrative decision on the peer review mechanism';
    const one = slugOf(`${title}, part one`);
    const two = slugOf(`${title}, part two`);
    for (const id of [one, two]) {
      expect(id.length).toBeLessThanOrEqual(64);
      expect(id).toMatch(/^amendment-to-the-administrative-decision-on-the-peer-[0-9a-z]+$/);
    }
    expect(one).not.toBe(two);
    expect(slugOf('A short title')).toBe('a-short-title');
    // One long word, or Latin letters after a word of another script, is cut within the room too.
    for (const long of [
      'x'.repeat(80),
      `Rindfleischetikettierungsueberwachungsaufgabenuebertragungsgesetz${'e'.repeat(20)} 2022`,
      `Резолюция ${'a'.repeat(70)}`,
    ]) {
      expect({ long, length: slugOf(long).length <= 64 }).toEqual({ long, length: true });
    }
  });

  it('keeps the Latin words and digits of a mixed title apart by a digest of the whole', () => {
    const first = slugOf('Резолюция 2022');
    const second = slugOf('Поправка 2022');
    expect(first).toMatch(/^2022-[0-9a-z]+$/);
    expect(second).toMatch(/^2022-[0-9a-z]+$/);
    expect(first).not.toBe(second);
    expect(slugOf(`${'Ж'.repeat(10)} ${'word '.repeat(30)}`)).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
  });
});
