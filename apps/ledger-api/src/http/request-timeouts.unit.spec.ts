import { NODE_HEADERS_TIMEOUT_MS, requestArrivalTimeouts } from './request-timeouts';

describe('requestArrivalTimeouts', () => {
  it('gives the headers the whole limit while it is a minute or less, so that Node does not swap the two timers', () => {
    expect(requestArrivalTimeouts(1000)).toEqual({ requestTimeout: 1000, headersTimeout: 1000 });
    expect(requestArrivalTimeouts(30_000)).toEqual({ requestTimeout: 30_000, headersTimeout: 30_000 });
    expect(requestArrivalTimeouts(60_000)).toEqual({ requestTimeout: 60_000, headersTimeout: 60_000 });
  });

  it('keeps the headers to 60 s, as Node does by default, where the whole request may take longer', () => {
    expect(NODE_HEADERS_TIMEOUT_MS).toBe(60_000);
    expect(requestArrivalTimeouts(3_600_000)).toEqual({ requestTimeout: 3_600_000, headersTimeout: 60_000 });
  });
});
