/** The longest id the ledger takes. */
const MAX_ID = 64;

/** Latin letters that no accent taken off makes a–z, as they are spelled in ASCII (Straße, Œuvre, Øresund, Łódź). */
const LATIN_SPELLED: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ł: 'l',
  Ł: 'L',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
};

/**
 * A proposal id from its title when the clerk gives none: lowercase words joined by hyphens, accents
 * dropped. What an id cannot hold in full gets a digest of the whole title after what is left
 * (`proposal-` and the digest when nothing is), the same for the same title: letters of other
 * scripts (Cyrillic, Arabic), so that "Резолюция 2022" and "Поправка 2022" do not both become 2022;
 * a title with no letter or digit at all (emoji, punctuation); and a title too long for an id, so
 * that two long titles alike in their first words do not become one id.
 */
export function slugOf(title: string): string {
  const unaccented = [...title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')].map((letter) => LATIN_SPELLED[letter] ?? letter).join('');
  const slug = unaccented
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const otherScript = /\p{L}/u.test(unaccented.replace(/[a-z]/gi, ''));
  if (!otherScript && slug !== '' && slug.length <= MAX_ID) return slug;
  const digest = digestOf(title.trim());
  const room = MAX_ID - digest.length - 1;
  // Cut between words where one ends within the room, so that the id does not end in half a word.
  const head = slug.slice(0, room + 1);
  const cut = slug.length <= room ? slug : head.includes('-') ? head.replace(/-[^-]*$/, '') : slug.slice(0, room);
  return `${cut.replace(/-+$/, '') || 'proposal'}-${digest}`;
}

/** FNV-1a over the title's UTF-16 code units, in base 36: short, and stable across sessions. */
function digestOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return hash.toString(36);
}
