/**
 * A proposal id from its title when the clerk gives none: lowercase words joined by hyphens, accents
 * dropped. Letters of other scripts (Cyrillic, Arabic) have no place in an id: a title holding any
 * gets a digest of the whole title after what is left (`proposal-` and the digest when nothing is),
 * the same for the same title, so that "Резолюция 2022" and "Поправка 2022" do not both become 2022.
 */
export function slugOf(title: string): string {
  const unaccented = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const words = (text: string): string =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+/, '')
      .slice(0, 64)
      .replace(/-+$/, '');
  if (!/\p{L}/u.test(unaccented.replace(/[a-z]/gi, ''))) return words(unaccented);
  const digest = digestOf(title.trim());
  return `${words(unaccented).slice(0, 55).replace(/-+$/, '') || 'proposal'}-${digest}`;
}

/** FNV-1a over the title's UTF-16 code units, in base 36: short, and stable across sessions. */
function digestOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return hash.toString(36);
}
