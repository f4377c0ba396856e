/** The names of the tab's session storage items that begin with `prefix`: what one kind of kept thing holds. */
export function storedItemsStartingWith(prefix: string): string[] {
  const names: string[] = [];
  for (let index = 0; index < sessionStorage.length; index += 1) {
    const name = sessionStorage.key(index);
    if (name?.startsWith(prefix)) names.push(name);
  }
  return names;
}
