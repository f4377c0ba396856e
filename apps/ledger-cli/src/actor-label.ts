/**
 * Who recorded an event, as a reader of the CLI's tables knows them: the clerk's name beside the
 * key's id for a key issued by an admin (which names its holder), the key's id alone otherwise.
 */
export function actorLabel(id: string, name: string | undefined | null): string {
  return name ? `${name} (${id})` : id;
}
