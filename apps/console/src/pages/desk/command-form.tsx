import { FormEvent, ReactNode, useRef, useState } from 'react';
import { Refusal } from '../../api/client';
import { RefusalNotice } from '../../components';
import { newIdempotencyKey } from '../../idempotency-key';
import { STRINGS } from '../../strings';
import { asRefusal } from '../../use-answer';

/** A form's values by field name; a field of several choices holds them joined by commas. */
export type Fields = Record<string, string>;

type Options = [value: string, text: string][];

/** One field of a desk form. Options may depend on what is chosen in the form's other fields. */
export type FieldSpec = { readonly name: string; readonly label: string } & (
  | { readonly kind: 'text'; readonly hint?: string }
  | { readonly kind: 'multiline' }
  | { readonly kind: 'choice'; readonly options: Options | ((values: Fields) => Options) }
  | { readonly kind: 'choices'; readonly options: Options }
);

export interface FormSpec {
  readonly id: string;
  readonly title: string;
  readonly fields: readonly FieldSpec[];
  readonly initial: Fields;
  readonly send: (values: Fields, idempotencyKey: string) => Promise<unknown>;
}

/** Clears a choice whose options depend on other fields once it is no longer among them. */
function withoutStaleChoices(fields: readonly FieldSpec[], values: Fields): Fields {
  const kept = { ...values };
  for (const field of fields) {
    if (field.kind !== 'choice' || typeof field.options !== 'function') continue;
    const value = kept[field.name];
    if (value && !field.options(kept).some(([option]) => option === value)) kept[field.name] = '';
  }
  return kept;
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
    case 'text':
      return (
        <p>
          <label htmlFor={id}>{spec.label}</label>
          <input id={id} value={value} placeholder={spec.hint} onChange={(event) => change(spec.name, event.target.value)} />
        </p>
      );
    case 'multiline':
      return (
        <p>
          <label htmlFor={id}>{spec.label}</label>
          <textarea id={id} value={value} rows={3} onChange={(event) => change(spec.name, event.target.value)} />
        </p>
      );
    case 'choice': {
      const options = typeof spec.options === 'function' ? spec.options(values) : spec.options;
      return (
        <p>
          <label htmlFor={id}>{spec.label}</label>
          <select id={id} value={value} onChange={(event) => change(spec.name, event.target.value)}>
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
      const toggle = (option: string, on: boolean): void =>
        change(spec.name, (on ? [...selected, option] : selected.filter((each) => each !== option)).join(','));
      return (
        <fieldset>
          <legend>{spec.label}</legend>
          {spec.options.map(([optionValue, text]) => (
            <label key={optionValue} className="check">
              <input type="checkbox" checked={selected.includes(optionValue)} onChange={(event) => toggle(optionValue, event.target.checked)} /> {text}
            </label>
          ))}
        </fieldset>
      );
    }
  }
}

/**
 * One form of the desk. What is typed stays after a refusal; one idempotency key is kept from the
 * first submission until it is recorded or the input changes, so a double click records once.
 * Once recorded, the emptied form cannot be sent until something is entered: the second click of
 * a double click may land after a quick answer, and would otherwise send the empty form.
 */
export function CommandForm({ spec, disabled, onRecorded }: { spec: FormSpec; disabled: boolean; onRecorded: () => void }): ReactNode {
  const [values, setValues] = useState<Fields>(spec.initial);
  // The page may offer other starting values once it has read the ledger again (the proposal's
  // text after a revision): taken up while the form holds the earlier ones untouched, without
  // opening a form just recorded again.
  const initialText = JSON.stringify(spec.initial);
  const [initialSeen, setInitialSeen] = useState(initialText);
  if (initialSeen !== initialText) {
    setInitialSeen(initialText);
    if (JSON.stringify(values) === initialSeen) setValues(spec.initial);
  }
  const [idempotencyKey, setIdempotencyKey] = useState(() => newIdempotencyKey());
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [recorded, setRecorded] = useState(false);
  // A ref, not the state: two submit events can reach the handler before React renders the first.
  const inFlight = useRef(false);
  const change = (name: string, value: string): void => {
    setValues((before) => withoutStaleChoices(spec.fields, { ...before, [name]: value }));
    setIdempotencyKey(newIdempotencyKey());
    setRecorded(false);
  };
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (inFlight.current || recorded) return;
    inFlight.current = true;
    setSending(true);
    setRefusal(null);
    try {
      await spec.send(values, idempotencyKey);
      setRecorded(true);
      setValues(spec.initial);
      setIdempotencyKey(newIdempotencyKey());
      onRecorded();
    } catch (error) {
      setRefusal(asRefusal(error));
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };
  return (
    <form aria-labelledby={`${spec.id}-heading`} onSubmit={(event) => void submit(event)} className="command">
      <h3 id={`${spec.id}-heading`}>{spec.title}</h3>
      {spec.fields.map((field) => (
        <Input key={field.name} formId={spec.id} spec={field} values={values} change={change} />
      ))}
      <button type="submit" disabled={disabled || sending || recorded}>
        {STRINGS.desk.record}
      </button>
      {/* Mounted from the start, so that screen readers announce what appears in it. */}
      <p role="status">{recorded ? STRINGS.desk.recorded : ''}</p>
      {refusal && <RefusalNotice refusal={refusal} />}
      {refusal?.code === 'precondition-failed' && (
        <p>
          {STRINGS.desk.stale}{' '}
          <button type="button" onClick={() => window.location.reload()}>
            {STRINGS.desk.reload}
          </button>
        </p>
      )}
    </form>
  );
}
