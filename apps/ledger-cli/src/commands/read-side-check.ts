import { ConsensusPolicy, latestWorldMoment } from '@concord/governance';
import { BodyHistoryQuery, LedgerView, ListPage, PageRequest, PointInTime, readingsAt, TimePoint } from '@concord/projections';
import { Progress, ProgressOptions } from '../progress';
import { firstDifference, ValueDifference } from './first-difference';

/** How many differences a comparison keeps to show; it counts every one. */
const SHOWN_DIFFERENCES = 20;
const PAGE: PageRequest = { after: 0, limit: 500 };
/** A body's whole history: every date there can be. */
const WHOLE_PERIOD = { from: '', to: '9999-12-31T23:59:59.999Z' };

/** An answer of the read side that differs from the one a fold of the log gives, at its first differing field. */
export interface ReadSideDifference extends ValueDifference {
  /** Which answer: "body kp, recorded time", "history of proposal p1, world time", … */
  readonly answer: string;
}

export interface ReadSideComparison {
  readonly position: number;
  readonly bodies: number;
  readonly proposals: number;
  readonly meetings: number;
  /** Answers asked of both views. */
  readonly answers: number;
  /** How many answers differ; `shown` holds the first of them. */
  readonly differing: number;
  readonly shown: readonly ReadSideDifference[];
}

/** The comparison's progress, counted in answers as its report counts them ("31 answers compared"): it reads no event. */
export function comparisonProgress(options: Pick<ProgressOptions, 'stream' | 'intervalMs'> = {}): Progress {
  return new Progress('compare', undefined, { quiet: true, unit: 'answers', ...options });
}

/**
 * One answer the API gives, asked of a view: whole (`read`), or a list a page at a time (`pages`),
 * so that a long body's history is never held whole, twice, to be compared.
 */
type AnswerAsked =
  | { readonly name: string; readonly read: (readings: PointInTime) => Promise<unknown> }
  | { readonly name: string; readonly pages: (readings: PointInTime) => AsyncGenerator<unknown[] | undefined> };

/**
 * Asks the read side stored beside the log (`stored`) and a fold of the log in memory (`folded`,
 * the meaning of every answer) the same questions at the same position, and compares the answers:
 * every body, proposal and meeting the log holds, their histories, lists and statements, in
 * recorded time and in world time, and the recorded time of every position (what `asOf` reads).
 * The stored rows are derived and unsigned: this is how an auditor sees that they still say what
 * the log says.
 */
export async function compareReadSides(
  stored: LedgerView,
  folded: LedgerView,
  policy: ConsensusPolicy,
  now: Date,
  onAnswer: () => void = () => undefined,
): Promise<ReadSideComparison> {
  if (stored.position !== folded.position) throw new Error(`the views are at positions ${stored.position} and ${folded.position}: compare them at one`);
  const position = folded.position;
  const differences: ReadSideDifference[] = [];
  let answers = 0;
  let differing = 0;
  const note = (answer: string, difference: ValueDifference | undefined): void => {
    answers += 1;
    onAnswer();
    if (difference === undefined) return;
    differing += 1;
    if (differences.length < SHOWN_DIFFERENCES) differences.push({ answer, ...difference });
  };
  const compare = (answer: string, storedValue: unknown, foldedValue: unknown): void => note(answer, firstDifference(storedValue, foldedValue));

  note('the recorded time each position was reached by', recordedTimesDifference(stored, folded));
  compare('the bodies', [...stored.bodyIds()].sort(), [...folded.bodyIds()].sort());

  const points: readonly [string, TimePoint][] = [
    ['recorded time', { kind: 'at-position', position }],
    // As late as a record may be dated by now (a day begun at UTC+14), so that none held is left out.
    ['world time', { kind: 'effective-at', at: latestWorldMoment(now.toISOString()) }],
  ];
  const asked = questionsOf(folded);
  for (const [timeline, point] of points) {
    const storedReadings = readingsAt(stored, policy, point, now);
    const foldedReadings = readingsAt(folded, policy, point, now);
    if (!storedReadings || !foldedReadings) throw new Error(`position ${position} is not reached by both views`);
    for (const question of asked.questions) {
      const answer = `${question.name}, ${timeline}`;
      if ('read' in question) compare(answer, await question.read(storedReadings), await question.read(foldedReadings));
      else note(answer, await pagesDifference(question.pages(storedReadings), question.pages(foldedReadings)));
    }
  }
  for (const meetingId of asked.meetingIds) {
    compare(`the proposals naming meeting ${meetingId}`, await stored.proposalsNaming(meetingId), await folded.proposalsNaming(meetingId));
    // A search reads only the meetings and proposals whose words can match: words lost from the rows hide records from it.
    compare(
      `the words a search of the statements of meeting ${meetingId} looks in`,
      stored.meetingSearchWords(meetingId),
      folded.meetingSearchWords(meetingId),
    );
  }
  for (const bodyId of folded.bodyIds()) {
    compare(`the words a search of the proposals of body ${bodyId} looks in`, stored.proposalSearchWords(bodyId), folded.proposalSearchWords(bodyId));
  }
  return { position, ...asked.counts, answers, differing, shown: differences };
}

/** The first position whose recorded time (what an `asOf` resolves to) the two views disagree on. */
function recordedTimesDifference(stored: LedgerView, folded: LedgerView): ValueDifference | undefined {
  for (let at = 1; at <= folded.position; at += 1) {
    const [storedMoment, foldedMoment] = [stored.recordedTimes.momentAfter(at), folded.recordedTimes.momentAfter(at)];
    if (storedMoment !== foldedMoment) return { path: `position ${at}`, stored: storedMoment, folded: foldedMoment };
  }
  return undefined;
}

/**
 * Where two lists read a page at a time first differ, their path counted from the list's first
 * item, or `undefined` when every page is the same.
 */
async function pagesDifference(
  stored: AsyncGenerator<unknown[] | undefined>,
  folded: AsyncGenerator<unknown[] | undefined>,
): Promise<ValueDifference | undefined> {
  let offset = 0;
  for (;;) {
    const [storedPage, foldedPage] = [await stored.next(), await folded.next()];
    if (storedPage.done && foldedPage.done) return undefined;
    const storedItems = storedPage.done ? [] : storedPage.value;
    const foldedItems = foldedPage.done ? [] : foldedPage.value;
    const difference = firstDifference(storedItems, foldedItems);
    if (difference !== undefined) return { ...difference, path: shiftedPath(difference.path, offset) };
    offset += foldedItems?.length ?? 0;
  }
}

/** `$[3].status` on a page whose first item is the list's 500th: `$[503].status`. */
function shiftedPath(path: string, offset: number): string {
  return path.replace(/^\$\[(\d+)\]/, (_, index: string) => `$[${offset + Number(index)}]`);
}

/** Every question the API answers about what the log holds, as the fold of the log knows it. */
function questionsOf(folded: LedgerView): { questions: AnswerAsked[]; meetingIds: string[]; counts: { bodies: number; proposals: number; meetings: number } } {
  const questions: AnswerAsked[] = [{ name: 'the list of bodies', pages: ({ models }) => pagesOf((page) => models.bodyList(page)) }];
  const meetingIds: string[] = [];
  let proposals = 0;
  for (const bodyId of folded.bodyIds()) {
    questions.push(
      { name: `body ${bodyId}`, read: ({ models }) => models.body(bodyId) },
      { name: `the chairs of body ${bodyId}`, read: ({ models }) => models.chairs(bodyId) },
      { name: `the definition versions of body ${bodyId}`, read: ({ history }) => history.definitionVersions(bodyId) },
      { name: `the proposal counts of body ${bodyId}`, read: ({ models }) => models.proposalCounts(bodyId) },
      { name: `the proposals of body ${bodyId}`, pages: ({ models }) => pagesOf((page) => models.proposalsOfBody(bodyId, page)) },
      { name: `the meetings of body ${bodyId}`, pages: ({ models }) => pagesOf((page) => models.meetingsOfBody(bodyId, page)) },
      { name: `the statements of body ${bodyId}`, pages: ({ models }) => pagesOf((page) => models.statementsOfBody(bodyId, page)) },
      { name: `the history of body ${bodyId}`, pages: ({ history }) => bodyHistoryPages(history, bodyId) },
    );
    for (const proposalId of folded.proposalsOf(bodyId)) {
      proposals += 1;
      questions.push(
        { name: `proposal ${proposalId}`, read: ({ models }) => models.proposal(proposalId) },
        { name: `the history of proposal ${proposalId}`, read: ({ history }) => history.proposalHistory(proposalId) },
      );
    }
    for (const meetingId of folded.meetingsOf(bodyId)) {
      meetingIds.push(meetingId);
      questions.push(
        { name: `meeting ${meetingId}`, read: ({ models }) => models.meeting(meetingId, 0) },
        { name: `the statements of meeting ${meetingId}`, pages: ({ models }) => pagesOf((page) => models.statementsOfMeeting(meetingId, page)) },
      );
    }
  }
  return { questions, meetingIds, counts: { bodies: folded.bodyIds().length, proposals, meetings: meetingIds.length } };
}

/** A paged list's items, a page at a time; `undefined` once where the list is not there (a 404). */
async function* pagesOf<T>(read: (page: PageRequest) => Promise<ListPage<T> | undefined>): AsyncGenerator<T[] | undefined> {
  let after = PAGE.after;
  for (;;) {
    const page = await read({ after, limit: PAGE.limit });
    yield page?.items;
    if (page === undefined || page.next === null) return;
    after = page.next;
  }
}

/** A body's whole history, a page at a time; `undefined` once where the body is not there. */
async function* bodyHistoryPages(history: PointInTime['history'], bodyId: string): AsyncGenerator<unknown[] | undefined> {
  let after: BodyHistoryQuery['after'] = null;
  for (;;) {
    const page = await history.bodyHistory(bodyId, { ...WHOLE_PERIOD, limit: PAGE.limit, after });
    yield page?.entries;
    if (page === undefined || page.next === null) return;
    after = page.next;
  }
}
