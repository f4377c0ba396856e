import { FormEvent, ReactNode, useEffect, useRef, useState } from 'react';
import { NO_ANSWER, Refusal, session } from '../../api/client';
import { RefusalNotice } from '../../components';
import { newIdempotencyKey } from '../../idempotency-key';
import { STRINGS } from '../../strings';
import { REFUSALS } from '../../refusals';
import { isDayAfter, localToday } from '../../today';
import { asRefusal } from '../../use-answer';
import { answerSettles } from '../../first-precondition';
import { keepUnsettled, settle, unsettledAt } from '../../unsettled-sendings';
import { draftAt, forgetDraft, keepDraft } from '../../drafts';

/** A form's values by field name; a field of several choices holds them joined by commas. */
export type Fields = Record<string, string>;

/**
 * What a form is sent on, as the page showed it when the clerk began it: the stream revision its
 * `If-Match` names, and the text `revision` its body names. Plain data, so that a draft and a
 * sending kept in session storage keep it, and a form taken up again is sent on it, not on the page
 * as it reads then.
 */
export interface Basis {
  readonly ifMatch?: number;
  readonly revision?: number;
}

/** Whether two bases name the same state of the page. */
export function sameBasis(one: Basis, other: Basis): boolean {
  return one.ifMatch === other.ifMatch && one.revision === other.revision;
}

type Options = [value: string, text: string][];

/**
 * One field of a desk form. Options may depend on what is chosen in the form's other fields. A
 * field that `beginsForm` (the proposal a form is about) begins it again on the page as it is
 * shown when it is chosen: what the form sends of that choice (a proposal's revision) is what the
 * page showed then, which a proposal that arrived after the form was begun is not yet part of.
 */
export type FieldSpec = {
  readonly name: string;
  readonly label: string;
  readonly beginsForm?: boolean;
  /** The form names nothing without it (the proposal in the address it is sent to): it is not sent until it is chosen. */
  readonly required?: boolean;
  /** When a record happened (or, given the form's other fields, holds such a date): never a day after today on the clerk's calendar. */
  readonly holdsDate?: boolean | ((values: Fields) => boolean);
} & (
  | {
      readonly kind: 'text';
      readonly hint?: string;
      /** When the other fields leave only a few values, they are offered as a choice instead. */
      readonly choicesWhen?: (values: Fields) => Options | null;
    }
  | { readonly kind: 'multiline' }
  | {
      readonly kind: 'choice';
      readonly options: Options | ((values: Fields) => Options);
      /** The options are not known (the page could not read them): a choice made is kept, not taken for one gone. */
      readonly optionsUnknown?: boolean;
    }
  | { readonly kind: 'choices'; readonly options: Options | ((values: Fields) => Options); readonly optionsUnknown?: boolean }
);

export interface FormSpec {
  readonly id: string;
  /**
   * What the form records on (`meetings/<id>`, `proposals/<id>`): with `id`, it names the form's
   * sending left unsettled by a lost answer, which a reload of the page finds again.
   */
  readonly about: string;
  readonly title: string;
  readonly fields: readonly FieldSpec[];
  readonly initial: Fields;
  /** What the form would be sent on were it begun now, with these values; undefined while the page cannot tell (not read yet). */
  readonly basisOf?: (values: Fields) => Basis | undefined;
  /** Sends the form on `basis`, what it was begun on: the same values, key and basis make the same command. */
  readonly send: (values: Fields, idempotencyKey: string, basis: Basis) => Promise<unknown>;
  /** The form's field that a field the ledger names in a refusal comes from, when the two names differ. */
  readonly fieldOf?: (apiField: string) => string | undefined;
}

/**
 * Clears a choice once it is no longer among its field's options: options that depend on other
 * fields, and options the page no longer offers since it read the ledger again (a proposal decided
 * meanwhile is no longer open).
 */
function withoutStaleChoices(fields: readonly FieldSpec[], values: Fields): Fields {
  const kept = { ...values };
  for (const field of fields) {
    const options =
      field.kind === 'choice' || field.kind === 'choices'
        ? field.optionsUnknown === true
          ? null
          : optionsOf(field, kept)
        : field.kind === 'text'
          ? field.choicesWhen?.(kept)
          : null;
    if (!options) continue;
    const offered = (value: string): boolean => options.some(([option]) => option === value);
    const value = kept[field.name];
    if (!value) continue;
    kept[field.name] = field.kind === 'choices' ? chosen(value).filter(offered).join(',') : offered(value) ? value : '';
  }
  return kept;
}

function optionsOf(field: Extract<FieldSpec, { kind: 'choice' | 'choices' }>, values: Fields): Options {
  return typeof field.options === 'function' ? field.options(values) : field.options;
}

/** The labels of the fields whose choice the page no longer offers. */
function choicesGone(fields: readonly FieldSpec[], values: Fields): string[] {
  const current = withoutStaleChoices(fields, values);
  return fields.filter((field) => (values[field.name] ?? '') !== (current[field.name] ?? '')).map((field) => field.label);
}

/** The labels of the required fields left empty. */
function requiredMissing(fields: readonly FieldSpec[], values: Fields): FieldSpec[] {
  return fields.filter((field) => field.required === true && !values[field.name]);
}

/** The fields dated after today on the clerk's calendar. */
function datedAfterToday(fields: readonly FieldSpec[], values: Fields, today: string): FieldSpec[] {
  return fields.filter((field) => {
    const holdsDate = typeof field.holdsDate === 'function' ? field.holdsDate(values) : field.holdsDate === true;
    return holdsDate && isDayAfter(values[field.name] ?? '', today);
  });
}

/** The values of a field of several choices. */
export function chosen(value: string | undefined): string[] {
  return value ? value.split(',').filter((each) => each !== '') : [];
}

function Input({
  formId,
  spec,
  values,
  change,
}: {
  formId: string;
  spec: FieldSpec;
  values: Fields;
  change: (name: string, value: string) => void;
}): ReactNode {
  const id = `${formId}-${spec.name}`;
  const value = values[spec.name] ?? '';
  switch (spec.kind) {
    case 'text': {
      const choices = spec.choicesWhen?.(values);
      if (choices)
        return <Input formId={formId} spec={{ name: spec.name, label: spec.label, kind: 'choice', options: choices }} values={values} change={change} />;
      return (
        <p>
          <label htmlFor={id}>{spec.label}</label>
          <input id={id} value={value} placeholder={spec.hint} onChange={(event) => change(spec.name, event.target.value)} />
        </p>
      );
    }
    case 'multiline':
      return (
        <p>
          <label htmlFor={id}>{spec.label}</label>
          <textarea id={id} dir="auto" value={value} rows={3} onChange={(event) => change(spec.name, event.target.value)} />
        </p>
      );
    case 'choice': {
      const listed = optionsOf(spec, values);
      // A choice kept while its options cannot be read stays shown as chosen, by its value.
      const options: Options =
        spec.optionsUnknown === true && value !== '' && !listed.some(([option]) => option === value) ? [...listed, [value, value]] : listed;
      return (
        <p>
          <label htmlFor={id}>{spec.label}</label>
          <select id={id} value={value} aria-required={spec.required === true || undefined} onChange={(event) => change(spec.name, event.target.value)}>
            <option value="">—</option>
            {options.map(([optionValue, text]) => (
              <option key={optionValue} value={optionValue}>
                {text}
              </option>
            ))}
          </select>
        </p>
      );
    }
    case 'choices': {
      const selected = chosen(value);
      const listed = optionsOf(spec, values);
      // Choices kept while their options cannot be read stay shown as chosen, by their values.
      const options: Options =
        spec.optionsUnknown === true
          ? [...listed, ...selected.filter((each) => !listed.some(([option]) => option === each)).map((each): [string, string] => [each, each])]
          : listed;
      const toggle = (option: string, on: boolean): void =>
        change(spec.name, (on ? [...selected, option] : selected.filter((each) => each !== option)).join(','));
      return (
        <fieldset>
          <legend>{spec.label}</legend>
          {options.map(([optionValue, text]) => (
            <label key={optionValue} className="check">
              <input type="checkbox" checked={selected.includes(optionValue)} onChange={(event) => toggle(optionValue, event.target.checked)} /> {text}
            </label>
          ))}
        </fieldset>
      );
    }
  }
}

/** The label on the form of a field the ledger names in a refusal. */
function labelOf(spec: FormSpec, apiField: string): string | undefined {
  const name = spec.fieldOf?.(apiField) ?? apiField;
  return spec.fields.find((field) => field.name === name)?.label;
}

const isReplay = (answer: unknown): boolean => typeof answer === 'object' && answer !== null && (answer as { replayed?: unknown }).replayed === true;

/** Refusals that mean the form was begun on what the ledger has since moved past. */
const STALE = new Set(['precondition-failed', 'stale-revision']);

/** A failure after which the ledger may have recorded the command: no answer came, or it failed itself. */
const outcomeUnknown = (refusal: Refusal): boolean => refusal.status === 0 || refusal.status >= 500;

/** Where a form's unsettled sending is kept (see `unsettled-sendings`). */
export function placeOf(spec: Pick<FormSpec, 'about' | 'id'>): string {
  return `${spec.about}/${spec.id}`;
}

/** A choice field that shows the choice made even where the page no longer offers it (a form being sent again as it was). */
function keepingItsChoice(field: FieldSpec): FieldSpec {
  return field.kind === 'choice' || field.kind === 'choices' ? { ...field, optionsUnknown: true } : field;
}

/**
 * One form of the desk. What is typed stays after a refusal; one idempotency key is kept from the
 * first submission until it is recorded or the input changes, so a double click records once.
 * Once recorded, the emptied form cannot be sent until something is entered: the second click of
 * a double click may land after a quick answer, and would otherwise send the empty form.
 *
 * The form is sent as it was when the clerk began it: `spec.send` is taken at the first change
 * (and again when the proposal it is about is chosen, see `beginsForm`), so a revision or a record
 * that arrives live meanwhile makes the ledger refuse the form as stale (the proposal's text
 * revision, or `If-Match` where any record counts) instead of it being recorded over what the
 * clerk never saw.
 *
 * When no answer came (or the ledger failed), the command may have been recorded: the same
 * idempotency key is kept even if the input changes, so that sending again records it at most
 * once, and the ledger says so (`idempotency-key-reused`) if the first sending was recorded. A
 * sending is kept in the tab's session storage from the moment it is sent until an answer settles
 * it: a form mounted again (the page reloaded, even while it was sending, or left and come back
 * to) takes it up, what was typed, key and notice. What is typed and not sent is kept there too, as
 * a draft (`drafts`), until it is recorded or the clerk discards it.
 */
export function CommandForm({
  spec,
  disabled,
  closed,
  reread,
  onRecorded = () => undefined,
}: {
  spec: FormSpec;
  disabled: boolean;
  /**
   * Why the form can no longer be sent, once what it records was settled by someone else (a
   * communiqué recorded, the proposal decided): a form begun stays, sending off, so that what was
   * typed is not lost; one untouched is no longer offered.
   */
  closed?: string;
  /** Reads the page's data again (after a record, or when the form was begun on a stale page). */
  reread: () => void;
  onRecorded?: () => void;
}): ReactNode {
  const place = placeOf(spec);
  const [restored] = useState(() => unsettledAt(place));
  // What was typed and not sent when the page was left: taken up as it was (a sending kept unsettled comes first).
  const [draft] = useState(() => (restored === undefined ? draftAt(place) : undefined));
  const [values, setValues] = useState<Fields>(() => restored?.values ?? draft?.values ?? spec.initial);
  // A ref, not state: two submit events can reach the handler before React renders the first.
  const keyPinned = useRef(restored !== undefined);
  // The date of the last record made with this form: the next record of a sitting is most often of the same day.
  // Kept for the day it was used on only: a page left open overnight must not date the next day's records.
  const [kept, setKept] = useState<{ readonly date: string; readonly on: string } | undefined>(undefined);
  const keptDate = kept !== undefined && kept.on === localToday() ? kept.date : undefined;
  const startingValues = (initial: Fields): Fields => (keptDate === undefined ? initial : { ...initial, occurredAt: keptDate });
  // The page may offer other starting values once it has read the ledger again (the proposal's
  // text after a revision): taken up while the form holds the earlier ones untouched, without
  // opening a form just recorded again.
  const initialText = JSON.stringify(spec.initial);
  const [initialSeen, setInitialSeen] = useState(initialText);
  if (initialSeen !== initialText) {
    setInitialSeen(initialText);
    // A form being sent again after a lost answer keeps what it was sent with, even where that was the starting values.
    if (!keyPinned.current && JSON.stringify(values) === JSON.stringify(startingValues(JSON.parse(initialSeen) as Fields)))
      setValues(startingValues(spec.initial));
  }
  const [idempotencyKey, setIdempotencyKey] = useState(() => restored?.idempotencyKey ?? newIdempotencyKey());
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(restored?.notice ?? null);
  // Why the last sending's outcome is unknown, until an answer settles it: said again if the form is mounted anew.
  const [unsettledNotice, setUnsettledNotice] = useState<Refusal | null>(restored?.notice ?? null);
  const [recorded, setRecorded] = useState(false);
  // The ledger answered with what an earlier sending recorded (its answer was lost): said, so the clerk knows it is there once.
  const [replayed, setReplayed] = useState(false);
  const [rereadAsked, setRereadAsked] = useState(false);
  // Choices the clerk made that the page, read again since, no longer offers.
  const [gone, setGone] = useState<string[]>([]);
  const [touched, setTouched] = useState(restored !== undefined || draft !== undefined);
  // Required fields left empty at the last attempt to send: nothing was sent.
  const [missing, setMissing] = useState<string[]>([]);
  // Fields dated after today here at the last attempt to send, and that today: nothing was sent.
  const [afterToday, setAfterToday] = useState<{ readonly labels: string[]; readonly today: string } | null>(null);
  // Refs, not state: two submit events can reach the handler before React renders the first, and
  // what the form was begun on must not change with the renders that follow the ledger.
  const inFlight = useRef(false);
  // A draft or a sending taken up again is sent on what it was begun on, not on the page as it reads now.
  const begunOn = useRef<Basis | null>(restored?.basis ?? draft?.basis ?? null);
  // The session a sending was sent under: once it is signed out, the sending is not kept for the next clerk.
  const sentUnder = useRef<string | null>(restored?.session ?? null);
  const basisNow = (of: Fields): Basis => spec.basisOf?.(of) ?? {};
  // A draft taken up again, begun on a page that reads differently now, is stale as a form left open
  // would be once refused: said at once, sent on what it was begun on (which the ledger refuses) until read again.
  const [draftChecked, setDraftChecked] = useState(draft === undefined);
  const pageBasis = spec.basisOf?.(values);
  useEffect(() => {
    // Not while the forms are off (time travel): the page reads a past point then, not what the form would be sent on.
    if (draftChecked || draft === undefined || pageBasis === undefined || disabled) return;
    setDraftChecked(true);
    if (sameBasis(draft.basis, pageBasis)) return;
    const textOnly = draft.basis.ifMatch === pageBasis.ifMatch;
    setRefusal(new Refusal(412, textOnly ? 'stale-revision' : 'precondition-failed', STRINGS.desk.stale));
  }, [draftChecked, draft, pageBasis, disabled]);
  const recordButton = useRef<HTMLButtonElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const refusalShown = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // What is typed after a lost answer is sent again under its key, so it is kept with it.
    if (unsettledNotice !== null)
      keepUnsettled(place, { values, idempotencyKey, notice: unsettledNotice, basis: begunOn.current ?? {}, session: sentUnder.current });
  }, [place, values, idempotencyKey, unsettledNotice]);
  // Typed and not sent: kept so that the page left and come back to finds it (a sending kept unsettled is kept whole instead).
  const holdsDraft = touched && unsettledNotice === null && JSON.stringify(values) !== JSON.stringify(startingValues(spec.initial));
  // Kept with what it was begun on (or, read again since, what the page reads now): taken up later, it is sent on that.
  const draftBasis = JSON.stringify(begunOn.current ?? basisNow(values));
  useEffect(() => {
    if (holdsDraft) keepDraft(place, { values, basis: JSON.parse(draftBasis) as Basis });
    else forgetDraft(place);
  }, [place, holdsDraft, values, draftBasis]);
  useEffect(() => {
    // The button just pressed is now off: a keyboard user is taken to what it says, not to the top of the page.
    const focused = document.activeElement;
    if (recorded && (focused === null || focused === document.body || focused === recordButton.current)) status.current?.focus();
  }, [recorded]);
  useEffect(() => {
    // Nor is one left on nothing once the ledger refused what was sent: taken to the refusal, beside the form.
    const focused = document.activeElement;
    if (refusal !== null && (focused === null || focused === document.body || focused === recordButton.current)) refusalShown.current?.focus();
  }, [refusal]);
  const change = (name: string, value: string): void => {
    if (spec.fields.some((field) => field.name === name && field.beginsForm === true)) begunOn.current = basisNow({ ...values, [name]: value });
    else begunOn.current ??= basisNow({ ...values, [name]: value });
    setValues((before) => withoutStaleChoices(spec.fields, { ...before, [name]: value }));
    if (!keyPinned.current) setIdempotencyKey(newIdempotencyKey());
    setRecorded(false);
    setRereadAsked(false);
    setGone([]);
    setMissing([]);
    setAfterToday(null);
    // A refusal speaks of what was sent: once the clerk changes the form, it may no longer hold ("a reason is required" beside a reason typed).
    setRefusal(null);
    setTouched(true);
  };
  const discard = (): void => {
    begunOn.current = null;
    setValues(startingValues(spec.initial));
    setIdempotencyKey(newIdempotencyKey());
    setTouched(false);
    setRefusal(null);
    setRereadAsked(false);
    setGone([]);
    setMissing([]);
    setAfterToday(null);
  };
  const startAfresh = (): void => {
    begunOn.current = null;
    keyPinned.current = false;
    settle(place);
    setUnsettledNotice(null);
    setIdempotencyKey(newIdempotencyKey());
  };
  // The last sending got no answer: it may have been recorded, and what it recorded may be why a
  // choice is no longer offered or the form is settled. It is sent again as it was, so that the
  // ledger says whether it was recorded, rather than the clerk told to choose again.
  const resending = refusal !== null && outcomeUnknown(refusal);
  const settled = resending ? undefined : closed;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (inFlight.current || recorded || settled !== undefined) return;
    // A choice the page no longer offers is not sent unseen: the clerk chooses again.
    const lost = resending ? [] : choicesGone(spec.fields, values);
    if (lost.length > 0) {
      setValues(withoutStaleChoices(spec.fields, values));
      setGone(lost);
      return;
    }
    const unchosen = requiredMissing(spec.fields, values);
    if (unchosen.length > 0) {
      setMissing(unchosen.map((field) => field.label));
      document.getElementById(`${spec.id}-${unchosen[0]?.name ?? ''}`)?.focus();
      return;
    }
    const today = localToday();
    const future = datedAfterToday(spec.fields, values, today);
    if (future.length > 0) {
      setAfterToday({ labels: future.map((field) => field.label), today });
      document.getElementById(`${spec.id}-${future[0]?.name ?? ''}`)?.focus();
      return;
    }
    inFlight.current = true;
    setSending(true);
    setRefusal(null);
    setRereadAsked(false);
    // Kept from the moment it is sent, not only once its answer is lost: a tab reloaded or closed
    // meanwhile loses the answer too, and the record may be stored after all. A sending already
    // kept (sent again after a lost answer) keeps its notice.
    // Sent on what it was begun on, and kept so: sent again after a reload, it is the same command.
    const basis = begunOn.current ?? basisNow(values);
    begunOn.current = basis;
    // Under the session it is sent in: signed out meanwhile, its outcome is not kept for the next clerk on the tab.
    if (!keyPinned.current) sentUnder.current = session.tag();
    const under = sentUnder.current;
    if (!keyPinned.current)
      keepUnsettled(place, { values, idempotencyKey, notice: new Refusal(0, NO_ANSWER, STRINGS.errors.leftWhileSending), basis, session: under });
    try {
      const answer = await spec.send(values, idempotencyKey, basis);
      startAfresh();
      setRecorded(true);
      setReplayed(isReplay(answer));
      setTouched(false);
      const used = values.occurredAt || undefined;
      setKept(used === undefined ? undefined : { date: used, on: localToday() });
      setValues(used === undefined ? spec.initial : { ...spec.initial, occurredAt: used });
      reread();
      onRecorded();
    } catch (error) {
      const refused = asRefusal(error);
      setRefusal(refused);
      if (outcomeUnknown(refused)) {
        keyPinned.current = true;
        setUnsettledNotice(refused);
        // At once, not after the next render: the clerk may reload as soon as the notice shows.
        keepUnsettled(place, { values, idempotencyKey, notice: refused, basis, session: under });
      } else if (answerSettles(refused.status) && refused.code !== 'idempotency-key-reused') {
        // The ledger refused it by its rules, having found no earlier sending recorded: nothing is left to send again.
        keyPinned.current = false;
        settle(place);
        setUnsettledNotice(null);
      }
      // The first sending was recorded after all: what it recorded is read, and a new sending is a new record.
      if (refused.code === 'idempotency-key-reused' && keyPinned.current) {
        startAfresh();
        reread();
      }
      // Refused before the ledger looked for it (400, 429…): a first sending is known not recorded, nothing is left to keep.
      if (!keyPinned.current) settle(place);
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };
  const stale = refusal !== null && STALE.has(refusal.code);
  if (settled !== undefined && !touched) return null;
  return (
    <form aria-labelledby={`${spec.id}-heading`} aria-busy={sending} onSubmit={(event) => void submit(event)} className="command">
      <h3 id={`${spec.id}-heading`}>{spec.title}</h3>
      {/* Locked while sending: what is typed meanwhile would not be what was sent, and the form is emptied once recorded. */}
      <fieldset className="fields" disabled={sending || disabled}>
        {spec.fields.map((field) => (
          <Input key={field.name} formId={spec.id} spec={resending ? keepingItsChoice(field) : field} values={values} change={change} />
        ))}
      </fieldset>
      {settled !== undefined && (
        <p role="alert" className="refusal refusal-sentence">
          {settled}
        </p>
      )}
      <button type="submit" ref={recordButton} disabled={disabled || sending || recorded || settled !== undefined}>
        {STRINGS.desk.record}
      </button>{' '}
      {/* Not offered for a sending that may have been recorded: its key is what records it at most once. Nor while the forms are off (time travel). */}
      {holdsDraft && !sending && !disabled && (
        <button type="button" onClick={discard}>
          {STRINGS.desk.discard}
        </button>
      )}
      {/* Mounted from the start, so that screen readers announce what appears in it. */}
      <p role="status" ref={status} tabIndex={-1}>
        {recorded ? (replayed ? STRINGS.desk.replayed : STRINGS.desk.recorded) : rereadAsked ? STRINGS.desk.reread : sending ? STRINGS.desk.sending : ''}
      </p>
      {missing.length > 0 && (
        <p role="alert" className="refusal refusal-sentence">
          {STRINGS.desk.chooseFirst(missing.join(', '))}
        </p>
      )}
      {afterToday !== null && (
        <div role="alert" className="refusal">
          <p className="refusal-sentence">{REFUSALS['occurred-in-future']}</p>
          <p className="refusal-detail">{STRINGS.desk.afterToday(afterToday.labels.join(', '), afterToday.today)}</p>
        </div>
      )}
      {gone.length > 0 && (
        <p role="alert" className="refusal refusal-sentence">
          {STRINGS.desk.choiceGone(gone.join(', '))}
        </p>
      )}
      <div ref={refusalShown} tabIndex={-1}>
        {refusal && !stale && <RefusalNotice refusal={refusal} toCommand labelOf={(apiField) => labelOf(spec, apiField)} />}
        {stale && (
          <div role="alert" className="refusal">
            <p className="refusal-sentence">
              {refusal.code === 'stale-revision' ? STRINGS.desk.staleText : STRINGS.desk.stale}{' '}
              <button
                type="button"
                onClick={() => {
                  // Read again in place: what is typed stays, and the form is sent on what is read now.
                  begunOn.current = null;
                  setRefusal(null);
                  setRereadAsked(true);
                  reread();
                }}
              >
                {STRINGS.desk.reload}
              </button>
            </p>
          </div>
        )}
      </div>
    </form>
  );
}
