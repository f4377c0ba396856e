import { FormEvent, ReactNode, useState } from 'react';
import { record, Refusal, Schemas } from '../api/client';
import { Answer, RefusalNotice } from '../components';
import { href } from '../route';
import { STRINGS } from '../strings';
import { queryOf, TimePoint } from '../time-point';
import { asRefusal, useAnswer } from '../use-answer';
import { namesOf } from './body';
import { newIdempotencyKey } from '../idempotency-key';

type Fields = Record<string, string>;

/**
 * One form of the desk. What is typed stays after a refusal; one idempotency key is kept from the
 * first submission until it is recorded or the input changes, so a double click records once.
 */
function CommandForm({
  id,
  title,
  fields,
  disabled,
  send,
  onRecorded,
  children,
}: {
  id: string;
  title: string;
  fields: Fields;
  disabled: boolean;
  send: (values: Fields, idempotencyKey: string) => Promise<unknown>;
  onRecorded: () => void;
  children: (values: Fields, change: (name: string, value: string) => void) => ReactNode;
}): ReactNode {
  const [values, setValues] = useState<Fields>(fields);
  const [idempotencyKey, setIdempotencyKey] = useState(() => newIdempotencyKey());
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [recorded, setRecorded] = useState(false);
  const change = (name: string, value: string): void => {
    setValues((before) => ({ ...before, [name]: value }));
    setIdempotencyKey(newIdempotencyKey());
    setRecorded(false);
  };
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setRefusal(null);
    try {
      await send(values, idempotencyKey);
      setRecorded(true);
      setValues(fields);
      setIdempotencyKey(newIdempotencyKey());
      onRecorded();
    } catch (error) {
      setRefusal(asRefusal(error));
    } finally {
      setSending(false);
    }
  };
  return (
    <form aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)} className="command">
      <h3 id={`${id}-title`}>{title}</h3>
      {children(values, change)}
      <button type="submit" disabled={disabled || sending}>
        {STRINGS.desk.record}
      </button>
      {recorded && <p role="status">{STRINGS.desk.recorded}</p>}
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

function Field({
  id,
  label,
  value,
  onChange,
  multiline = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
}): ReactNode {
  return (
    <p>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} value={value} onChange={(event) => onChange(event.target.value)} rows={3} />
      ) : (
        <input id={id} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </p>
  );
}

function Choice({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
  onChange: (value: string) => void;
}): ReactNode {
  return (
    <p>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
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

export function MeetingDesk({ meetingId, point, search }: { meetingId: string; point: TimePoint | null; search: URLSearchParams }): ReactNode {
  const [meeting, reloadMeeting] = useAnswer<Schemas['MeetingAnswer']>(`/v1/meetings/${meetingId}${queryOf(point)}`);
  const bodyId = meeting.state === 'loaded' ? meeting.answer.bodyId : null;
  const [body] = useAnswer<Schemas['BodyAnswer']>(bodyId === null ? null : `/v1/bodies/${bodyId}${queryOf(point)}`);
  const [proposals, reloadProposals] = useAnswer<Schemas['BodyProposalsAnswer']>(
    bodyId === null ? null : `/v1/bodies/${bodyId}/proposals${queryOf(point, { status: 'open' })}`,
  );
  const readOnly = point !== null;
  const reload = (): void => {
    reloadMeeting();
    reloadProposals();
  };
  return (
    <main>
      <Answer loaded={meeting}>
        {(answer) => {
          const nameOf = body.state === 'loaded' ? namesOf(body.answer) : (id: string) => id;
          const speakers: [string, string][] =
            body.state === 'loaded'
              ? [
                  ...body.answer.participants.map((p): [string, string] => [p.participantId, p.name]),
                  ...body.answer.observers.map((o): [string, string] => [o.observerId, o.name]),
                ]
              : [];
          const open: [string, string][] = proposals.state === 'loaded' ? proposals.answer.proposals.map((p) => [p.proposalId, p.title]) : [];
          return (
            <>
              <p>
                <a href={href(`/bodies/${answer.bodyId}`, search)}>← {answer.bodyId}</a>
              </p>
              <h1>{STRINGS.desk.title(answer.location, answer.opensOn)}</h1>
              <section aria-labelledby="at-meeting">
                <h2 id="at-meeting">{STRINGS.desk.proposals}</h2>
                <ul>
                  {answer.proposals.map((p) => (
                    <li key={p.proposalId}>
                      <a href={href(`/proposals/${p.proposalId}`, search)}>{p.title}</a> <span className="muted">({p.status})</span>
                    </li>
                  ))}
                </ul>
              </section>
              <section aria-labelledby="statements">
                <h2 id="statements">{STRINGS.desk.statements}</h2>
                <ol>
                  {answer.statements.map((s) => (
                    <li key={s.eventId}>
                      <strong>{nameOf(s.speakerId)}</strong>: {s.summary}
                    </li>
                  ))}
                </ol>
              </section>
              <section className="columns forms">
                <CommandForm
                  id="statement"
                  title={STRINGS.desk.recordStatement}
                  fields={{ speakerId: '', proposalId: '', summary: '', occurredAt: answer.opensOn }}
                  disabled={readOnly}
                  onRecorded={reload}
                  send={(values, idempotencyKey) =>
                    record(
                      `/v1/meetings/${meetingId}/statements`,
                      {
                        speakerId: values.speakerId,
                        summary: values.summary,
                        occurredAt: values.occurredAt,
                        ...(values.proposalId ? { proposalId: values.proposalId } : {}),
                      },
                      { idempotencyKey, ifMatch: answer.streamRevision },
                    )
                  }
                >
                  {(values, change) => (
                    <>
                      <Choice
                        id="statement-speaker"
                        label={STRINGS.desk.speaker}
                        value={values.speakerId ?? ''}
                        options={speakers}
                        onChange={(v) => change('speakerId', v)}
                      />
                      <Choice
                        id="statement-proposal"
                        label={STRINGS.desk.about}
                        value={values.proposalId ?? ''}
                        options={open}
                        onChange={(v) => change('proposalId', v)}
                      />
                      <Field
                        id="statement-summary"
                        label={STRINGS.desk.summary}
                        value={values.summary ?? ''}
                        onChange={(v) => change('summary', v)}
                        multiline
                      />
                      <Field id="statement-when" label={STRINGS.desk.occurredAt} value={values.occurredAt ?? ''} onChange={(v) => change('occurredAt', v)} />
                    </>
                  )}
                </CommandForm>
                <CommandForm
                  id="support"
                  title={STRINGS.desk.support}
                  fields={{ proposalId: '', participantId: '', occurredAt: answer.opensOn }}
                  disabled={readOnly}
                  onRecorded={reload}
                  send={(values, idempotencyKey) =>
                    record(
                      `/v1/proposals/${values.proposalId}/support`,
                      { participantId: values.participantId, occurredAt: values.occurredAt },
                      { idempotencyKey },
                    )
                  }
                >
                  {(values, change) => (
                    <>
                      <Choice
                        id="support-proposal"
                        label={STRINGS.desk.proposal}
                        value={values.proposalId ?? ''}
                        options={open}
                        onChange={(v) => change('proposalId', v)}
                      />
                      <Choice
                        id="support-participant"
                        label={STRINGS.desk.participant}
                        value={values.participantId ?? ''}
                        options={speakers}
                        onChange={(v) => change('participantId', v)}
                      />
                      <Field id="support-when" label={STRINGS.desk.occurredAt} value={values.occurredAt ?? ''} onChange={(v) => change('occurredAt', v)} />
                    </>
                  )}
                </CommandForm>
                <CommandForm
                  id="objection"
                  title={STRINGS.desk.objection}
                  fields={{ proposalId: '', participantId: '', grounds: '', occurredAt: answer.opensOn }}
                  disabled={readOnly}
                  onRecorded={reload}
                  send={(values, idempotencyKey) =>
                    record(
                      `/v1/proposals/${values.proposalId}/objections`,
                      { participantId: values.participantId, grounds: values.grounds, occurredAt: values.occurredAt },
                      { idempotencyKey },
                    )
                  }
                >
                  {(values, change) => (
                    <>
                      <Choice
                        id="objection-proposal"
                        label={STRINGS.desk.proposal}
                        value={values.proposalId ?? ''}
                        options={open}
                        onChange={(v) => change('proposalId', v)}
                      />
                      <Choice
                        id="objection-participant"
                        label={STRINGS.desk.participant}
                        value={values.participantId ?? ''}
                        options={speakers}
                        onChange={(v) => change('participantId', v)}
                      />
                      <Field
                        id="objection-grounds"
                        label={STRINGS.desk.grounds}
                        value={values.grounds ?? ''}
                        onChange={(v) => change('grounds', v)}
                        multiline
                      />
                      <Field id="objection-when" label={STRINGS.desk.occurredAt} value={values.occurredAt ?? ''} onChange={(v) => change('occurredAt', v)} />
                    </>
                  )}
                </CommandForm>
              </section>
            </>
          );
        }}
      </Answer>
    </main>
  );
}
