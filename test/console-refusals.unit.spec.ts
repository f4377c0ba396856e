import { ERROR_CATALOGUE } from '../libs/ledger/src/errors/error-catalogue';
import { REFUSALS } from '../apps/console/src/refusals';

describe("The console's plain-language refusals", () => {
  it('have one sentence for every catalogued code, and none for a code the ledger does not have', () => {
    expect(Object.keys(REFUSALS).sort()).toEqual(Object.keys(ERROR_CATALOGUE).sort());
    for (const sentence of Object.values(REFUSALS)) expect(sentence).toMatch(/^[A-Z].*\.$/);
  });
});
