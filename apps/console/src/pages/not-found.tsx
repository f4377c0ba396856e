import { ReactNode } from 'react';
import { href } from '../route';
import { STRINGS } from '../strings';

/** An address the console has no page at, mistyped or from a link of another version: said so, not shown as another page. */
export function NotFoundPage({ path, search }: { path: string; search: URLSearchParams }): ReactNode {
  return (
    <main>
      <h1>{STRINGS.notFound.title}</h1>
      <p role="alert">
        <bdi>{STRINGS.notFound.said(path)}</bdi>
      </p>
      <p>
        <a href={href('/', search)}>{STRINGS.notFound.back}</a>
      </p>
    </main>
  );
}
