import { ConsensusPolicy } from '@concord/governance';
import { LedgerView, ListPage, PageRequest, PointInTime, readingsAt, TimePoint } from '@concord/projections';
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

interface AnswerAsked {
  readonly name: string;
  readonly read: (readings: PointInTime) => Promise<unknown>;
}

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
  const compare = (answer: string, storedValue: unknown, foldedValue: unknown): void => {
    answers += 1;
    onAnswer();
    const difference = firstDifference(storedValue, foldedValue);
    if (difference === undefined) return;
    differing += 1;
    if (differences.length < SHOWN_DIFFERENCES) differences.push({ answer, ...difference });
  };

  for (let at = 1; at <= position; at += 1) {
    const storedMoment = stored.recordedTimes.momentAfter(at);
    const foldedMoment = folded.recordedTimes.momentAfter(at);
    if (storedMoment !== foldedMoment) compare(`the recorded time reached by position ${at}`, storedMoment, foldedMoment);
  }
  compare('the bodies', [...stored.bodyIds()].sort(), [...folded.bodyIds()].sort());

  const points: readonly [string, TimePoint][] = [
    ['recorded time', { kind: 'at-position', position }],
    ['world time', { kind: 'effective-at', at: now.toISOString() }],
  ];
  const asked = questionsOf(folded);
  for (const [timeline, point] of points) {
    const storedReadings = readingsAt(stored, policy, point, now);
    const foldedReadings = readingsAt(folded, policy, point, now);
    if (!storedReadings || !foldedReadings) throw new Error(`position ${position} is not reached by both views`);
    for (const { name, read } of asked.questions) {
      compare(`${name}, ${timeline}`, await read(storedReadings), await read(foldedReadings));
    }
  }
  for (const meetingId of asked.meetingIds) {
    compare(`the proposals naming meeting ${meetingId}`, await stored.proposalsNaming(meetingId), await folded.proposalsNaming(meetingId));
  }
  return { position, ...asked.counts, answers, differing, shown: differences };
}

/** Every question the API answers about what the log holds, as the fold of the log knows it. */
function questionsOf(folded: LedgerView): { questions: AnswerAsked[]; meetingIds: string[]; counts: { bodies: number; proposals: number; meetings: number } } {
  const questions: AnswerAsked[] = [{ name: 'the list of bodies', read: ({ models }) => allPages((page) => models.bodyList(page)) }];
  const meetingIds: string[] = [];
  let proposals = 0;
  for (const bodyId of folded.bodyIds()) {
    questions.push(
      { name: `body ${bodyId}`, read: ({ models }) => models.body(bodyId) },
      { name: `the chairs of body ${bodyId}`, read: ({ models }) => models.chairs(bodyId) },
      { name: `the definition versions of body ${bodyId}`, read: ({ history }) => history.definitionVersions(bodyId) },
      { name: `the proposal counts of body ${bodyId}`, read: ({ models }) => models.proposalCounts(bodyId) },
      { name: `the proposals of body ${bodyId}`, read: ({ models }) => allPages((page) => models.proposalsOfBody(bodyId, page)) },
      { name: `the meetings of body ${bodyId}`, read: ({ models }) => allPages((page) => models.meetingsOfBody(bodyId, page)) },
      { name: `the statements of body ${bodyId}`, read: ({ models }) => allPages((page) => models.statementsOfBody(bodyId, page)) },
      { name: `the history of body ${bodyId}`, read: ({ history }) => wholeBodyHistory(history, bodyId) },
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
        { name: `the statements of meeting ${meetingId}`, read: ({ models }) => allPages((page) => models.statementsOfMeeting(meetingId, page)) },
      );
    }
  }
  return { questions, meetingIds, counts: { bodies: folded.bodyIds().length, proposals, meetings: meetingIds.length } };
}

/** Every item of a paged list, or `undefined` where the list is not there (a 404). */
async function allPages<T>(read: (page: PageRequest) => Promise<ListPage<T> | undefined>): Promise<T[] | undefined> {
  const items: T[] = [];
  let after = PAGE.after;
  for (;;) {
    const page = await read({ after, limit: PAGE.limit });
    if (page === undefined) return undefined;
    items.push(...page.items);
    if (page.next === null) return items;
    after = page.next;
  }
}

async function wholeBodyHistory(history: PointInTime['history'], bodyId: string): Promise<unknown[] | undefined> {
  const entries: unknown[] = [];
  let after: Parameters<PointInTime['history']['bodyHistory']>[1]['after'] = null;
  for (;;) {
    const page = await history.bodyHistory(bodyId, { ...WHOLE_PERIOD, limit: PAGE.limit, after });
    if (page === undefined) return undefined;
    entries.push(...page.entries);
    if (page.next === null) return entries;
    after = page.next;
  }
}
