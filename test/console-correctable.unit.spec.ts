import { CORRECTABLE_FIELDS } from '../libs/governance/src/correction/correctable-fields';
import { CORRECTABLE } from '../apps/console/src/correctable';

describe("The console's correctable fields", () => {
  it('are the fields the ledger lets a correction change, with the same rules', () => {
    expect(CORRECTABLE).toEqual(CORRECTABLE_FIELDS);
  });
});
