import { existsSync, readFileSync } from 'node:fs';
import { formatVerifierKey, parseSignedNote } from '@concord/verifier';
import { readCheckpointFile } from './checkpoint-note';
import { EventStore } from '@concord/event-store';
import { StoredCheckpoint, TransparencyStore } from '@concord/transparency';
import { Progress } from '../../progress';
import { Report } from '../status-command';
import { auditLog, AuditProblem, AuditReport, HeldCheckpoint } from './log-audit';
import { exportPages, storePages } from './log-pages';
import { ThreadLeafCheck } from './thread-leaf-check';
import { interiorNodeProblems } from './interior-nodes';
import { firstRuleBroken } from './rule-check';
import { ConsensusPolicy } from '@concord/governance';

export interface VerifyOptions {
  /** A checkpoint the auditor saved earlier: the log must extend it. */
  readonly checkpointFile?: string;
  /** Verifier keys to trust; without them, the keys the ledger publishes (which proves less). */
  readonly keys?: readonly string[];
  /** Every interior node of the stored tree against the leaves beneath it too (about a third more time). */
  readonly checkTree?: boolean;
  /** Every event decided again by the ledger's rules, under this policy, as an import decides them. */
  readonly checkRules?: ConsensusPolicy;
  /**
   * The latest checkpoint the API signed, kept outside the store in its data directory: the log
   * must extend it too, so a copy restored from before it, or checkpoints removed, are found
   * without the auditor's own. One signed by none of the trusted keys (a ledger begun anew) binds
   * nothing, as it binds the API nothing.
   */
  readonly rememberedCheckpointFile?: string;
  /** The public key of the API's own signing key, read from its file: the remembered checkpoint is checked with it too. */
  readonly ownPublicKey?: Uint8Array;
}

const CHECKPOINT_PAGE = 1000;

/** Checks the store's log against the leaves stored beside it and every checkpoint it signed. */
export async function verifyStore(store: EventStore, transparency: TransparencyStore, options: VerifyOptions): Promise<AuditReport> {
  // Read before the head: on a ledger that is recording, the tree and the checkpoints then cover
  // no event the head read after them does not, so nothing recorded meanwhile looks removed.
  const published = await transparency.publishedKeys();
  const trustedKeys = options.keys ?? published.map((key) => key.verifierKey);
  const stored = await storedCheckpoints(transparency);
  const checkpoints = [...stored, ...heldCheckpoint(options), ...rememberedCheckpoint(options, stored, trustedKeys)];
  const storedTreeSize = await transparency.treeSize();
  const head = await store.headPosition();
  const progress = new Progress('verify', head);
  const report = await auditLog({
    pages: storePages(store, head),
    storedLeaves: (fromIndex, count) => transparency.leaves(fromIndex, count),
    storedTreeSize,
    checkpoints,
    trustedKeys,
    onEvents: (count) => progress.advance(count),
    openLeafCheck: ThreadLeafCheck.open,
  });
  progress.finish();
  // Beneath the leaves the audit checked: only then does a node that differs mean the node changed.
  const leavesChanged = report.problems.some((problem) => problem.kind === 'tree-changed');
  const nodes = leavesChanged || options.checkTree !== true ? [] : await interiorNodeProblems(transparency, Math.min(storedTreeSize, head));
  const ruleBroken = options.checkRules === undefined ? undefined : await firstRuleBroken(store, head, options.checkRules);
  const checked =
    nodes.length === 0 && ruleBroken === undefined ? report : { ...report, problems: [...report.problems, ...nodes, ...(ruleBroken ? [ruleBroken] : [])] };
  const firstKeyFrom = published.map((key) => key.from).sort()[0];
  // Only a key published within the grace, by a time that can be read and is not to come, holds the finding off.
  const keyAge = firstKeyFrom === undefined ? undefined : Date.now() - Date.parse(firstKeyFrom);
  if (stored.length > 0 || firstKeyFrom === undefined || keyAge === undefined || (keyAge >= 0 && keyAge <= FIRST_CHECKPOINT_GRACE_MS)) return checked;
  const given = options.checkpointFile !== undefined || checkpoints.length > stored.length;
  return { ...checked, problems: [checkpointsMissing(firstKeyFrom, given), ...checked.problems] };
}

/**
 * An API publishes its key as it starts and signs its first checkpoint once its tree has caught up
 * with the log, moments later (longer on a long ledger imported just before): a ledger without a
 * checkpoint this long after its first key was published has had its checkpoints removed.
 */
const FIRST_CHECKPOINT_GRACE_MS = 10 * 60_000;

/** Without the checkpoints a ledger signed, nothing the store holds proves its events unaltered. */
function checkpointsMissing(firstKeyFrom: string, checkpointGiven: boolean): AuditProblem {
  const yours = checkpointGiven ? '' : ' (check against a checkpoint you saved, with --checkpoint)';
  return {
    kind: 'checkpoints-missing',
    message: `the ledger published checkpoint signing keys (the first from ${firstKeyFrom}) but holds no signed checkpoint: they were removed, so nothing stored here proves the events unaltered${yours}`,
  };
}

/** Checks an export, with no store: the auditor's copy against a checkpoint and key they hold. */
export async function verifyExport(file: string, options: Required<Pick<VerifyOptions, 'checkpointFile' | 'keys'>>): Promise<AuditReport> {
  const progress = new Progress('verify', undefined);
  const report = await auditLog({
    pages: exportPages(file),
    checkpoints: heldCheckpoint(options),
    trustedKeys: options.keys,
    onEvents: (count) => progress.advance(count),
    openLeafCheck: ThreadLeafCheck.open,
  });
  progress.finish();
  return report;
}

export function verifyReport(report: AuditReport, trustedOwnKeys: boolean): Report {
  const caveat = trustedOwnKeys ? '\n(signatures checked with the keys the ledger publishes itself; pin yours with --key to check who signed)' : '';
  const unsigned =
    report.eventsChecked > report.signedThrough
      ? `\n(events after position ${report.signedThrough} are covered by no signed checkpoint checked here: they were hashed, not proven)`
      : '';
  const text =
    report.problems.length === 0
      ? report.checkpointsChecked === 0 && report.eventsChecked > 0
        ? `verified ${report.eventsChecked} events against no signed checkpoint: ${againstTheTree(report)}, but nothing signed proves them unaltered ` +
          `(anyone who can write the store can recompute the tree; check against a checkpoint you saved, with --checkpoint)`
        : `verified ${report.eventsChecked} events against ${signedCheckpoints(report.checkpointsChecked)}: nothing altered${unsigned}${caveat}`
      : [
          `${report.problems.length} problem(s) in ${report.eventsChecked} events and ${signedCheckpoints(report.checkpointsChecked)}:`,
          ...report.problems.map(
            (problem) => `  ${problem.position === undefined ? '' : `position ${problem.position}: `}[${problem.kind}] ${problem.message}`,
          ),
        ].join('\n') + caveat;
  return { text, json: report };
}

/** What the events were compared with, when no signed checkpoint was: the stored tree, as much of it as there is. */
function againstTheTree(report: AuditReport): string {
  const leaves = report.storedLeaves ?? report.eventsChecked;
  if (leaves >= report.eventsChecked) return 'they agree with the stored tree';
  if (leaves === 0) return 'the store holds no tree of them to compare with (its leaves were removed, or no API has hashed them yet)';
  return `the first ${leaves} agree with the stored tree, which holds no leaf of the ${report.eventsChecked - leaves} after them (removed, or not hashed by an API yet)`;
}

async function storedCheckpoints(transparency: TransparencyStore): Promise<HeldCheckpoint[]> {
  const all: StoredCheckpoint[] = [];
  for (let fromSize = 0; ;) {
    const page = await transparency.checkpoints(fromSize, CHECKPOINT_PAGE);
    all.push(...page);
    const last = page.at(-1);
    if (!last || page.length < CHECKPOINT_PAGE) break;
    fromSize = last.treeSize + 1;
  }
  return all.map((checkpoint) => ({
    source: `the stored checkpoint of ${checkpoint.treeSize} events`,
    note: checkpoint.note,
    listed: { treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash },
  }));
}

function heldCheckpoint(options: VerifyOptions): HeldCheckpoint[] {
  if (options.checkpointFile === undefined) return [];
  return [{ source: `the checkpoint in ${options.checkpointFile}`, note: readCheckpointFile(options.checkpointFile, '--checkpoint') }];
}

/**
 * The checkpoint the API signed last, as it keeps it in its data directory. Checked with the keys
 * trusted and with the API's own key as its key file holds it: the keys published in the store are
 * only as safe as the store, and one who rewrote the log can publish a key of their own there. A
 * note neither signs is reported (`signature-invalid`), not passed over.
 */
function rememberedCheckpoint(options: VerifyOptions, stored: readonly HeldCheckpoint[], trustedKeys: readonly string[]): HeldCheckpoint[] {
  const file = options.rememberedCheckpointFile;
  if (file === undefined || !existsSync(file)) return [];
  let note: string;
  try {
    note = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  if (stored.some((checkpoint) => checkpoint.note === note)) return [];
  const own = options.ownPublicKey;
  const ownKeys = own === undefined ? [] : signerNames(note).map((name) => formatVerifierKey(name, own));
  return [{ source: `the checkpoint the API signed last, kept in ${file}`, note, keys: [...trustedKeys, ...ownKeys] }];
}

/** The names a signed note's signature lines give; none for text that is no signed note. */
function signerNames(note: string): string[] {
  try {
    return parseSignedNote(note).signatures.map((signature) => signature.name);
  } catch {
    return [];
  }
}

function signedCheckpoints(count: number): string {
  return `${count} signed checkpoint${count === 1 ? '' : 's'}`;
}
