/** How the API's program was loaded, logged with `ledger listening`. */
export interface ProgramReport {
  /** Whether it came from the build's bundle, one file, rather than module by module. */
  readonly bundled: boolean;
  /** Why it was not, when it was not. */
  readonly why?: string;
  /** V8's compile cache of the bundle: used, refused by V8 (another Node version or flags), failing its checksum, or none yet. */
  readonly compileCache?: 'accepted' | 'rejected' | 'damaged' | 'absent';
  readonly loadMs: number;
  /** The CommonJS modules loaded once the program was: about 1,600 module by module, a few dozen bundled. */
  readonly modulesLoaded: number;
}

export type CompileCacheKept =
  { readonly written: true; readonly file: string; readonly bytes: number; readonly ms: number } | { readonly written: false; readonly problem?: string };

export interface LoadedProgram {
  readonly report: ProgramReport;
  /**
   * Writes the bundle's compile cache when this start had none it could use; called once the API
   * listens, so that the cache holds what a start compiles. Anything else is a no-op.
   */
  keepCompileCache(): CompileCacheKept;
}

/** What the program exports: `start.ts`, bundled or not. */
export interface ProgramEntry {
  startLedgerApi(program: LoadedProgram): void;
}
