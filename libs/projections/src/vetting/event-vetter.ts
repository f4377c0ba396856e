/**
 * Vets the events of a fold beside it, on another thread: the fold goes on skimming while the
 * events it has read are read again there, parsed in full and checked. What the fold built is
 * kept only once the vetter has vouched for every event in it.
 */
export interface EventVetter {
  /** Takes the log up to `position` to vet, after what it was given before (or the position it was opened after). */
  vetThrough(position: number): void;
  /** Resolves once every event it was given is vouched for; rejects with `VettingRefusedError` otherwise. */
  vouched(): Promise<void>;
  close(): Promise<void>;
}

/** Opens a vetter for a fold that has at least `minEvents` events to vet; fewer are vetted in the fold itself. */
export interface ParallelVetting {
  readonly minEvents: number;
  /** A vetter of the log after `after`; undefined where none can run (its thread's code is not built): the fold vets as it goes. */
  open(after: number): EventVetter | undefined;
}

/**
 * The vetter would not vouch for an event it was given, or could not vet (its thread stopped). It
 * does not say which event: the fold that gets it starts again and vets event by event, which
 * names the first one exactly as a fold that vets as it goes would.
 */
export class VettingRefusedError extends Error {
  override readonly name = 'VettingRefusedError';
}
