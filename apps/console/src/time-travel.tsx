import { FormEvent, ReactNode, useState } from 'react';
import { Route } from './route';
import { STRINGS } from './strings';
import { describePoint, problemWith, TimeKind, TimePoint } from './time-point';

/** One control that moves the whole console to a point; the URL carries it, so it can be shared. */
export function TimeTravel({ route, point }: { route: Route; point: TimePoint | null }): ReactNode {
  const [kind, setKind] = useState<TimeKind | 'now'>(point?.kind ?? 'now');
  const [value, setValue] = useState(point?.value ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const go = (event: FormEvent): void => {
    event.preventDefault();
    const wrong = kind === 'now' || !value.trim() ? null : problemWith(kind, value.trim());
    setProblem(wrong);
    if (wrong !== null) return;
    const search = new URLSearchParams(route.search);
    for (const each of ['asOf', 'effectiveAt', 'atPosition']) search.delete(each);
    if (kind !== 'now' && value.trim()) search.set(kind, value.trim());
    const query = search.toString();
    window.location.hash = `${route.path}${query ? `?${query}` : ''}`;
  };
  return (
    <form className="time-travel" onSubmit={go}>
      <fieldset>
        <legend>{STRINGS.timeTravel.legend}</legend>
        <label htmlFor="time-kind">{STRINGS.timeTravel.kind}</label>
        <select id="time-kind" value={kind} onChange={(event) => setKind(event.target.value as TimeKind | 'now')}>
          <option value="now">{STRINGS.timeTravel.now}</option>
          <option value="asOf">{STRINGS.timeTravel.asOf}</option>
          <option value="effectiveAt">{STRINGS.timeTravel.effectiveAt}</option>
          <option value="atPosition">{STRINGS.timeTravel.atPosition}</option>
        </select>
        <label htmlFor="time-value">{STRINGS.timeTravel.value}</label>
        <input
          id="time-value"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          disabled={kind === 'now'}
          placeholder={kind === 'atPosition' ? STRINGS.timeTravel.positionExample : STRINGS.timeTravel.timeExample}
          aria-invalid={problem !== null}
          aria-describedby={problem === null ? undefined : 'time-problem'}
        />
        <button type="submit">{STRINGS.timeTravel.apply}</button>
        {problem !== null && (
          <p id="time-problem" className="refusal" role="alert">
            {problem}
          </p>
        )}
      </fieldset>
    </form>
  );
}

/** Marks every page while the console shows a past point. */
export function TimeTravelBanner({ route, point }: { route: Route; point: TimePoint }): ReactNode {
  const back = (): void => {
    const search = new URLSearchParams(route.search);
    for (const each of ['asOf', 'effectiveAt', 'atPosition']) search.delete(each);
    const query = search.toString();
    window.location.hash = `${route.path}${query ? `?${query}` : ''}`;
  };
  return (
    <div className="banner" role="status">
      {STRINGS.timeTravel.active(describePoint(point))}{' '}
      <button type="button" onClick={back}>
        {STRINGS.timeTravel.back}
      </button>
    </div>
  );
}
