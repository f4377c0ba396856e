import { readingEventAt, UnreadableEventError } from './unreadable-event-error';

describe('readingEventAt', () => {
  it('names the position of an event whose text is no JSON, or whose type or version this version cannot read', () => {
    expect(() => readingEventAt(7, () => JSON.parse('{"bodyId": '))).toThrow(new UnreadableEventError(7, 'Unexpected end of JSON input'));
    const unknownType = Object.assign(new Error('cannot upcast an event of unknown type "Bogus"'), { name: 'NotUpcastableError' });
    expect(() =>
      readingEventAt(8, () => {
        throw unknownType;
      }),
    ).toThrow(new UnreadableEventError(8, 'cannot upcast an event of unknown type "Bogus"'));
  });

  it('lets a failure of the reader itself pass as it is, not blamed on the event', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'members')");
    expect(() =>
      readingEventAt(9, () => {
        throw bug;
      }),
    ).toThrow(bug);
  });
});
