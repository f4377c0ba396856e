// A standalone verifier for the ledger's transparency log: RFC 9162 Merkle trees and proofs, C2SP
// signed notes and checkpoints (Ed25519), and RFC 8785 canonical JSON. It imports nothing but
// node: built-ins, so auditors can read it whole and run it offline. See README.md.
export { canonicalJson, MAX_JSON_DEPTH } from './jcs';
export { isWellFormed } from './bytes';
export { EMPTY_TREE_ROOT, leafHash, nodeHash } from './hash';
export { compactRangeOf, rootOf, TreeBuilder } from './tree';
export type { PerfectSubtree } from './tree';
export { checkConsistency, ProofError, rootFromInclusionProof, verifyConsistency, verifyInclusion } from './proof';
export type { ConsistencyProof, InclusionProof } from './proof';
export { checkVerifierKey, ED25519_ALGORITHM, formatVerifierKey, isValidKeyName, keyHash, parseVerifierKey, VerifierKeyError } from './keys';
export type { VerifierKey } from './keys';
export { MAX_NOTE_SIGNATURES, NoteError, parseSignedNote, signNote, verifyNote } from './note';
export type { NoteSignature, NoteSigner, SignedNote, VerifiedNote } from './note';
export { CheckpointError, formatCheckpointText, parseCheckpoint, verifyCheckpoint } from './checkpoint';
export type { Checkpoint } from './checkpoint';
export { ledgerEntry, ledgerEntryOfCanonicalText } from './ledger-entry';
export type { LedgerEvent, LedgerEventText } from './ledger-entry';
export { firstDuplicateField } from './duplicate-fields';
