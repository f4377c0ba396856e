import { storeFailureMessage } from './store-failure-message';
import { noLedgerMessage } from './no-ledger-message';
import { eventShapeProblem } from '@concord/governance/schemas';
import { dirname, join, resolve } from 'node:path';
import { constants, existsSync } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { ConfigError, LedgerConfig, loadConfig } from '@concord/config';
import { isSlug } from '@concord/governance';
import { COMMAND_FOLDS_PROJECTION, PositionNotReachedError, readingsOrNotReached, toDomainEvent } from '@concord/ledger';
import { LedgerView, ProjectionRunner, ReadModels, ThreadVetting } from '@concord/projections';
import { describeStore, EventStore, openProjectionStore, openStore, storeExists, StoreUnavailableError } from '@concord/event-store';
import { allowOnly, CliArguments, flagOption, parseArguments, positionOption, stringOption, UsageError } from './cli-arguments';
import { exportLog } from './commands/export-command';
import { importLog, LedgerNotEmptyError } from './commands/import-command';
import { backupSqliteLedger } from './commands/backup-command';
import { InvalidLineError } from './commands/import-validation';
import { foldLog } from './commands/fold-log';
import { historyReport } from './commands/history-command';
import { replayReport } from './commands/replay-command';
import { compareReadSides, comparisonProgress } from './commands/read-side-check';
import { readSideReport } from './commands/read-side-report';
import { Report, statusReport } from './commands/status-command';
import { TIME_POINT_OPTIONS, timePointOption } from './commands/time-point-options';
import { Finding } from './finding';
import { FeedPositionAheadError, readSelection } from '@concord/integration';
import { tailLog } from './commands/tail-command';
import { Progress } from './progress';
import { terminalSafe } from './terminal-safe';
import { assertReadableFile } from './named-file';
import {
  AuditProofs,
  CheckpointInconsistentError,
  TreeNodeMissingError,
  LAST_SIGNED_CHECKPOINT_FILE,
  LogTree,
  openTransparencyStore,
  ownSigningPublicKey,
  ProofRefusedError,
  TransparencyStore,
} from '@concord/transparency';
import { AuditReport } from './commands/verify/log-audit';
import { verifyExport, verifyReport, verifyStore } from './commands/verify/verify-command';
import { checkProof } from './commands/verify/proof-check';
import { verifierKeysOption } from './verifier-key-option';

const USAGE = `usage: concord <command> [options]

commands:
  status <bodyId|proposalId> [--as-of T | --effective-at T | --at-position N] [--all-proposals] [--json]
                                 a proposal's consensus status, or a body's members, chairs and open
                                 proposals (every proposal, with counts by status, with --all-proposals)
  history [proposal:]<proposalId> [--as-of T | --effective-at T | --at-position N] [--json]
                                 every record of a proposal, what it changed, its corrections beside it
  replay [--to-position N | --as-of T] [--json]
                                 rebuild every read model from the log up to that point and summarise it
  export [--from N] [--to N]     write the global log as JSON Lines to stdout (positions inclusive)
  import <file.jsonl>            load an export into an empty ledger, checking every line first;
                                 run again, resume one cut short
  backup <file>                  copy the SQLite ledger file (events, webhooks, keys issued, checkpoints)
                                 to a new file, consistent while APIs write to it; on PostgreSQL use
                                 pg_dump --schema, on EventStoreDB its own backup
  tail [--after N] [--types T1,T2] [--body-id ID] [--json]
                                 follow the log live as it is recorded (from the head unless --after),
                                 one line per event, or one CloudEvent per line with --json; Ctrl-C ends it
  verify [--checkpoint FILE] [--key VKEY[,VKEY…]] [--tree] [--rules] [--json]
                                 recompute every leaf and the Merkle tree from the store; check them against
                                 the leaves stored when the events were recorded and every signed checkpoint
                                 (and FILE, a checkpoint you saved, and the API's last-signed-checkpoint.txt
                                 in CONCORD_DATA_DIR, checked with the API's own key too); report the first
                                 altered position;
                                 --tree checks every interior node of the stored tree too (about a third longer);
                                 --rules decides every event again by the ledger's rules, as import does, and
                                 names the first the ledger would not have recorded (a row written by hand)
  verify --export FILE --checkpoint FILE --key VKEY[,VKEY…] [--json]
                                 the same for an export, offline, with no store
  prove <position> [--tree-size N]
                                 print the inclusion proof of the event at that position (JSON), in the tree
                                 of N events (default: the latest checkpoint)
  verify-read-side [--rebuild] [--json]
                                 check that the read side stored beside the log (what status, history and
                                 the API answer from) gives every answer a fold of the log gives; with
                                 --rebuild, fold it again from position 1 first (stop every API instance)
  verify-proof <proof.json> --checkpoint FILE --key VKEY[,VKEY…] [--old-checkpoint FILE]
                                 check an inclusion proof against a signed checkpoint, or a consistency proof
                                 between an earlier checkpoint (--old-checkpoint) and a later one, offline;
                                 a consistency proof needs --old-checkpoint, an inclusion proof refuses it

T is an ISO date or date-time: --as-of is recorded time (what the ledger had stored then),
--effective-at is world time (what had happened by then, late entries included). A date alone
means the end of that UTC day.

VKEY is a verifier key as GET /v1/audit/keys lists it (name+hash+key).
The store is the API's: CONCORD_STORE, CONCORD_STORE_URL, CONCORD_STORE_SCHEMA, CONCORD_DATA_DIR.
Exit codes: 0 done, 1 findings or errors, 2 bad usage.`;

function print(args: CliArguments, report: Report): void {
  // JSON escapes control characters itself; text shows what the ledger holds, escaped for a terminal.
  process.stdout.write(args.options.has('json') ? `${JSON.stringify(report.json, null, 2)}\n` : `${terminalSafe(report.text)}\n`);
}

function onlyId(args: CliArguments, what: string, prefixes: readonly string[] = []): string {
  const [id, ...more] = args.positionals;
  if (id === undefined || more.length > 0) throw new UsageError(`${args.command} takes exactly one ${what}`);
  const prefix = prefixes.find((candidate) => id.startsWith(`${candidate}:`));
  if (!isSlug(prefix === undefined ? id : id.slice(prefix.length + 1))) throw new UsageError(`${id} is not an id: ids are lowercase slugs (a-z, 0-9, -)`);
  return id;
}

/** What reading the stored read side met: rows of another log, forgotten and folded again (the reason). */
interface RestoredReadSide {
  readonly rowsForgotten: string | undefined;
}

/**
 * The API's read side, caught up from the rows it keeps beside the log (so only what was recorded
 * since they were stored is folded, with progress), read by `read`; the rows are stored again after.
 */
async function withReadSide<T>(
  store: () => Promise<EventStore>,
  config: LedgerConfig,
  read: (view: LedgerView, opened: EventStore, restored: RestoredReadSide) => Promise<T>,
  { rebuild = false }: { rebuild?: boolean } = {},
): Promise<T> {
  const opened = await store();
  try {
    const projections = await openProjectionStore(config.store, config.dataDir);
    try {
      let rowsForgotten: string | undefined;
      const runnerWith = (progress: Progress) =>
        new ProjectionRunner(opened, toDomainEvent, {
          projections,
          problemOf: eventShapeProblem,
          parallelVetting: ThreadVetting.forStore(config.store),
          cachedRecords: config.readCacheRecords,
          onBatch: (events) => progress.advance(events),
          onRowsForgotten: (reason) => {
            rowsForgotten = reason;
            process.stderr.write(`concord: ${reason}\n`);
          },
        });
      if (rebuild) {
        // The command side's stored folds are derived from the log too: a rebuild forgets them, and
        // the first command on each long stream folds it whole again.
        await projections.reset(COMMAND_FOLDS_PROJECTION);
        const rebuilding = new Progress('rebuild', await opened.headPosition());
        await runnerWith(rebuilding).rebuild();
        rebuilding.finish();
      }
      // Read back from the rows as a start reads them: after a rebuild, what was stored, not what was folded.
      const progress = new Progress('fold', undefined, { quiet: true });
      const runner = runnerWith(progress);
      const view = await runner.catchUp();
      progress.finish();
      const result = await read(view, opened, { rowsForgotten });
      await runner.commit();
      return result;
    } finally {
      await projections.close();
    }
  } finally {
    await opened.close();
  }
}

/** The store and the transparency tables beside it, closed after `work`. */
async function withTransparency<T>(
  store: () => Promise<EventStore>,
  config: LedgerConfig,
  work: (store: EventStore, transparency: TransparencyStore) => Promise<T>,
): Promise<T> {
  const opened = await store();
  try {
    const transparency = await openTransparencyStore(config.store, config.dataDir);
    try {
      return await work(opened, transparency);
    } finally {
      await transparency.close();
    }
  } finally {
    await opened.close();
  }
}

function policyOf(config: LedgerConfig): { suspendedObjectionsBlock: boolean } {
  return { suspendedObjectionsBlock: config.suspendedObjectionsBlock };
}

async function run(args: CliArguments, store: () => Promise<EventStore>, config: LedgerConfig): Promise<void> {
  if (args.options.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  switch (args.command) {
    case 'status':
    case 'history': {
      allowOnly(args, [...TIME_POINT_OPTIONS, 'json', ...(args.command === 'status' ? ['all-proposals'] : [])]);
      // `proposal:p1` names a proposal to history as it does to status.
      const id =
        args.command === 'status'
          ? onlyId(args, 'body or proposal id', ['body', 'proposal'])
          : onlyId(args, 'proposal id', ['proposal']).replace(/^proposal:/, '');
      const asked = timePointOption(args, new Date());
      const listed = flagOption(args, 'all-proposals') ? 'all' : 'open';
      const report = await withReadSide(store, config, async (view) => {
        const at = readingsOrNotReached(view, policyOf(config), asked, new Date());
        return args.command === 'status' ? statusReport(id, at, listed) : historyReport(id, at);
      });
      print(args, report);
      return;
    }
    case 'verify-read-side': {
      allowOnly(args, ['rebuild', 'json']);
      if (args.positionals.length > 0) throw new UsageError('verify-read-side takes no arguments');
      const rebuild = flagOption(args, 'rebuild');
      const comparison = await withReadSide(
        store,
        config,
        async (stored, opened, restored) => {
          const folded = await foldLog(opened, { toPosition: stored.position }, new Progress('fold the log', stored.position));
          const progress = comparisonProgress();
          const compared = await compareReadSides(stored, folded, policyOf(config), new Date(), () => progress.advance());
          progress.finish();
          return { ...compared, rowsForgotten: restored.rowsForgotten };
        },
        { rebuild },
      );
      print(args, readSideReport(comparison, rebuild));
      if (comparison.differing > 0 || comparison.rowsForgotten !== undefined) process.exitCode = 1;
      return;
    }
    case 'replay': {
      allowOnly(args, ['to-position', 'as-of', 'json']);
      if (args.positionals.length > 0) throw new UsageError('replay takes no arguments');
      if (args.options.has('to-position') && args.options.has('as-of')) throw new UsageError('give only one of --to-position, --as-of');
      const toPosition = positionOption(args, 'to-position');
      const asOf = args.options.has('as-of') ? timePointOption(args, new Date()) : undefined;
      const recordedBy = asOf?.kind === 'as-of' ? asOf.at : undefined;
      const opened = await store();
      try {
        const head = await opened.headPosition();
        if (toPosition !== undefined && toPosition > head) throw new PositionNotReachedError(toPosition, head);
        const view = await foldLog(opened, { toPosition, recordedBy }, new Progress('replay', toPosition ?? head));
        const models = new ReadModels(view, policyOf(config), {
          position: view.position,
          effectiveAt: null,
          moment: recordedBy ?? view.recordedTimes.momentAfter(view.position) ?? new Date().toISOString(),
        });
        print(args, await replayReport(models, view.bodyIds(), view.position, recordedBy));
      } finally {
        await opened.close();
      }
      return;
    }
    case 'export': {
      allowOnly(args, ['from', 'to']);
      if (args.positionals.length > 0) throw new UsageError('export takes no file: redirect stdout (concord export > ledger.jsonl)');
      const range = { from: positionOption(args, 'from'), to: positionOption(args, 'to') };
      if (range.from !== undefined && range.to !== undefined && range.from > range.to) throw new UsageError('--from is after --to');
      const opened = await store();
      try {
        const head = await opened.headPosition();
        // As `replay --to-position`: a position beyond the head is one the ledger has not reached.
        // `--from` one past the head is an export of nothing new, which a caller exporting in steps asks.
        if (range.to !== undefined && range.to > head) throw new PositionNotReachedError(range.to, head);
        if (range.from !== undefined && range.from > head + 1) throw new PositionNotReachedError(range.from, head);
        const total = Math.max(0, Math.min(range.to ?? head, head) - Math.max(range.from ?? 1, 1) + 1);
        // A reader that stops early (`| head`) closes the pipe: the export ends quietly.
        const closed = new AbortController();
        process.stdout.on('error', () => closed.abort());
        await exportLog(opened, process.stdout, range, new Progress('export', total), closed.signal);
      } finally {
        await opened.close();
      }
      return;
    }
    case 'backup': {
      allowOnly(args, []);
      const [file, ...more] = args.positionals;
      if (file === undefined || more.length > 0) throw new UsageError('backup takes exactly one file, the backup to write');
      if (config.store.kind !== 'sqlite' || config.store.file === ':memory:') {
        throw new Finding(
          config.store.kind === 'postgres'
            ? 'backup copies a SQLite ledger; on PostgreSQL use pg_dump --schema with CONCORD_STORE_SCHEMA (and keep CONCORD_DATA_DIR)'
            : `backup copies a SQLite ledger file; this store is ${config.store.kind === 'sqlite' ? 'in memory' : config.store.kind}: use its own backup (and keep CONCORD_DATA_DIR)`,
        );
      }
      if (existsSync(file)) throw new Finding(`${file} exists: a backup is written to a new file`);
      if (!existsSync(dirname(resolve(file)))) throw new Finding(`${dirname(resolve(file))} does not exist: a backup is written into a directory that does`);
      if (!(await storeExists(config.store))) throw new Finding(noLedgerMessage(config.store, config.dataDir, ' to back up'));
      process.stderr.write(`backing up ${config.store.file} to ${file}…\n`);
      const report = await backupSqliteLedger(config.store.file, file, new Progress('back up and check', undefined, { quiet: true }));
      process.stderr.write(
        `backed up ${report.events} events (${report.bytes} bytes) to ${report.file}; keep ${config.dataDir}'s keys (checkpoint-signing-key.pem, api-keys.json) with it\n`,
      );
      return;
    }
    case 'import': {
      allowOnly(args, []);
      const [file, ...more] = args.positionals;
      if (file === undefined || more.length > 0) throw new UsageError('import takes exactly one file');
      // Before the store is opened, which would create an empty ledger or report a full one first.
      await readableFile(file);
      const opened = await store();
      try {
        const resumed = (already: number): void => {
          process.stderr.write(`the ledger holds the first ${already} events of ${file}, from an import cut short: importing the rest\n`);
        };
        const count = await importLog(opened, file, policyOf(config), (total) => new Progress('import', total), resumed);
        process.stderr.write(`imported ${count} events from ${file}\n`);
      } finally {
        await opened.close();
      }
      return;
    }
    case 'tail': {
      allowOnly(args, ['after', 'types', 'body-id', 'json']);
      if (args.positionals.length > 0) throw new UsageError('tail takes no arguments');
      const { selection, problems } = readSelection(stringOption(args, 'types'), stringOption(args, 'body-id'));
      if (problems.length > 0)
        throw new UsageError(problems.map((problem) => `--${problem.field === 'bodyId' ? 'body-id' : 'types'} ${problem.messages.join('; ')}`).join('; '));
      const stop = new AbortController();
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
      process.stdout.on('error', () => stop.abort());
      const opened = await store();
      try {
        await tailLog(opened, process.stdout, {
          after: positionOption(args, 'after'),
          selection,
          json: args.options.has('json'),
          publicUrl: config.publicUrl,
          signal: stop.signal,
          onStart: (after) => process.stderr.write(`concord tail: following the ledger after position ${after}; Ctrl-C stops\n`),
          onInterrupted: (after, reason, retryInMs) =>
            process.stderr.write(`concord tail: the store cannot be read now (${reason}); following again after position ${after} in ${retryInMs / 1000} s\n`),
        });
      } finally {
        await opened.close();
      }
      return;
    }
    case 'verify': {
      allowOnly(args, ['checkpoint', 'key', 'export', 'json', 'tree', 'rules']);
      if (args.positionals.length > 0) throw new UsageError('verify takes no arguments; an export is given with --export');
      const checkTree = flagOption(args, 'tree');
      const checkRules = flagOption(args, 'rules') ? policyOf(config) : undefined;
      const keys = verifierKeysOption(args, 'key');
      const checkpointFile = stringOption(args, 'checkpoint');
      const exportFile = stringOption(args, 'export');
      let report: AuditReport;
      if (exportFile !== undefined) {
        if (checkpointFile === undefined || keys === undefined)
          throw new UsageError('verify --export needs the --checkpoint you saved and the --key that signed it');
        if (checkTree) throw new UsageError('verify --tree checks the stored tree: an export holds none');
        if (checkRules) throw new UsageError('verify --rules checks the store: an export is decided by the rules when it is imported (concord import)');
        assertReadableFile(exportFile, '--export');
        report = await verifyExport(exportFile, { checkpointFile, keys });
      } else {
        const rememberedCheckpointFile = join(config.dataDir, LAST_SIGNED_CHECKPOINT_FILE);
        report = await withTransparency(store, config, (opened, transparency) =>
          verifyStore(opened, transparency, {
            checkpointFile,
            keys,
            checkTree,
            rememberedCheckpointFile,
            ownPublicKey: ownSigningPublicKey(config.transparency.signingKeyFile, config.dataDir),
            ...(checkRules ? { checkRules } : {}),
          }),
        );
      }
      print(args, verifyReport(report, keys === undefined));
      if (report.problems.length > 0) process.exitCode = 1;
      return;
    }
    case 'prove': {
      allowOnly(args, ['tree-size']);
      const [position, ...more] = args.positionals;
      if (position === undefined || more.length > 0 || !/^[1-9]\d*$/.test(position))
        throw new UsageError('prove takes one global position (a whole number from 1)');
      const treeSize = positionOption(args, 'tree-size');
      const proof = await withTransparency(store, config, async (opened, transparency) => {
        // Proofs go up to the latest checkpoint, which the stored tree covers: nothing is written.
        if ((await transparency.latestCheckpoint()) === undefined) throw new Finding(NO_CHECKPOINT);
        return new AuditProofs(opened, await LogTree.open(transparency), transparency).inclusion(Number(position), treeSize);
      });
      process.stdout.write(`${JSON.stringify(proof, null, 2)}\n`);
      return;
    }
    case 'verify-proof': {
      allowOnly(args, ['checkpoint', 'key', 'old-checkpoint', 'json']);
      const [proofFile, ...more] = args.positionals;
      const checkpointFile = stringOption(args, 'checkpoint');
      const keys = verifierKeysOption(args, 'key');
      if (proofFile === undefined || more.length > 0) throw new UsageError('verify-proof takes exactly one proof file');
      if (checkpointFile === undefined || keys === undefined) throw new UsageError('verify-proof needs the signed --checkpoint and the --key that signed it');
      print(args, checkProof(proofFile, checkpointFile, keys, stringOption(args, 'old-checkpoint')));
      return;
    }
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      throw new UsageError(`unknown command ${args.command}`);
  }
}

/** Only the API signs checkpoints; the CLI proves against them and never signs one itself. */
const NO_CHECKPOINT =
  'no checkpoint has been signed for this ledger: only the API signs them (while it runs, every CONCORD_CHECKPOINT_EVERY events or CONCORD_CHECKPOINT_INTERVAL_S seconds, or on POST /v1/audit/checkpoints); run it on this store, then prove';

/** An export file the call names that cannot be read is bad usage (exit 2), as for `verify --export`. */
async function readableFile(file: string): Promise<void> {
  const found = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  if (!found.isFile()) throw new UsageError(`cannot read ${file}: not a file`);
  await access(file, constants.R_OK).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${error.code === 'EACCES' ? 'permission denied' : error.message}`);
  });
}

/** Commands that only read: they must not leave an empty ledger behind where there was none. */
const READING = new Set(['status', 'history', 'replay', 'export', 'tail', 'verify', 'verify-read-side', 'prove']);

async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArguments(argv);
    const config = loadConfig();
    await run(
      args,
      async () => {
        try {
          if (READING.has(args.command) && !(await storeExists(config.store))) {
            throw new Finding(noLedgerMessage(config.store, config.dataDir));
          }
          return await openStore(config.store, {
            // One command after another, and no one else to serve meanwhile: no writer thread.
            sqliteWriter: 'in-process',
            dataDir: config.dataDir,
            connectRetry: {
              forMs: config.esdbConnectRetryMs,
              onRetry: (attempt, _error, delayMs) =>
                process.stderr.write(`concord: the store cannot be reached yet (attempt ${attempt}); trying again in ${delayMs} ms\n`),
            },
          });
        } catch (error) {
          if (error instanceof StoreUnavailableError) throw new ConfigError(`the store ${describeStore(config.store)} cannot be used: ${error.message}`);
          throw error;
        }
      },
      config,
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`concord: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (
      error instanceof InvalidLineError ||
      error instanceof LedgerNotEmptyError ||
      error instanceof ConfigError ||
      error instanceof Finding ||
      error instanceof PositionNotReachedError ||
      error instanceof FeedPositionAheadError ||
      error instanceof ProofRefusedError ||
      error instanceof CheckpointInconsistentError ||
      error instanceof TreeNodeMissingError
    ) {
      process.stderr.write(`concord: ${error.message}\n`);
      return 1;
    }
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      process.stderr.write(`concord: ${error.message}\n`);
      return 1;
    }
    const storeFailure = storeFailureMessage(error);
    if (storeFailure !== undefined) {
      process.stderr.write(`concord: ${storeFailure}\n`);
      return 1;
    }
    process.stderr.write(`concord: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

// A ledger file the CLI creates (an import) is its owner's alone, as the API's: it holds the webhooks' secrets.
process.umask(0o077);
void main(process.argv.slice(2)).then((code) => {
  // A command that found problems (verify) has set 1 already: it is not lowered to 0.
  process.exitCode = Math.max(Number(process.exitCode ?? 0), code);
});
