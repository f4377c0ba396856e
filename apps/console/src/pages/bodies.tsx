import { ReactNode } from 'react';
import { Schemas } from '../api/client';
import { Answer } from '../components';
import { href } from '../route';
import { STRINGS } from '../strings';
import { queryOf, TimePoint } from '../time-point';
import { MAX_PAGE, useAnswer } from '../use-answer';

export function BodiesPage({ point, search }: { point: TimePoint | null; search: URLSearchParams }): ReactNode {
  const [loaded] = useAnswer<Schemas['BodyListAnswer']>(`/v1/bodies${queryOf(point, { limit: String(MAX_PAGE) })}`);
  return (
    <main>
      <h1>{STRINGS.bodies.title}</h1>
      <Answer loaded={loaded}>
        {(answer) =>
          answer.bodies.length === 0 ? (
            <p>{STRINGS.bodies.empty}</p>
          ) : (
            <ul className="cards">
              {answer.bodies.map((body) => (
                <li key={body.bodyId}>
                  <a href={href(`/bodies/${body.bodyId}`, search)}>
                    <bdi>{body.name}</bdi>
                  </a>
                  <span className="muted"> {STRINGS.bodies.members(body.participants, body.observers)}</span>
                </li>
              ))}
            </ul>
          )
        }
      </Answer>
    </main>
  );
}
