/** Query parameters whose values may be credentials: never written to a log. */
const CREDENTIAL_NAME = /token|key|secret|pass|pwd|auth|credential|sig|jwt|bearer|session|cookie/i;

/**
 * The request's URL as logs may hold it: every query parameter named like a credential keeps its
 * name and loses its value (`?access_token=[redacted]`), so a key sent in the wrong place is not
 * written to the log on top of being refused. `mark` stands in for the value.
 */
export function redactedUrl(url: string, mark = '[redacted]'): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const parameters = url
    .slice(query + 1)
    .split('&')
    .map((parameter) => {
      const equals = parameter.indexOf('=');
      const rawName = equals < 0 ? parameter : parameter.slice(0, equals);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // An undecodable name is judged as written.
      }
      return equals >= 0 && CREDENTIAL_NAME.test(name) ? `${rawName}=${mark}` : parameter;
    });
  return `${url.slice(0, query)}?${parameters.join('&')}`;
}
