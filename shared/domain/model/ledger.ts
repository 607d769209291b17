/**
 * The dedicated account (专账管理, §4.3) of a designated alliance: its award split over budget
 * lines, and a ledger of expenses. Corrections are reversing entries, never edits or deletes;
 * an admin may move allocation between lines (a reallocation), never beyond what a line has left.
 * Amounts are whole yuan.
 *
 * An expense pins the receipt it was recorded with (its SHA-256 and evidence copy). When that
 * receipt later fails reverification the entry is flagged for the programme office: it keeps
 * counting as spent (the money did leave the dedicated account), and the account shows flagged
 * amounts apart until the flag is resolved, by reversing the entry or by an admin's resolution
 * (shared/usecases/ledger/flags.ts).
 */
import type { Text } from '../text.ts';
import type { Flat } from './flat.ts';

/** Who recorded an entry or made a reallocation. */
export type Recorder = {
  sub: string;
  username: string;
};

/** An expense as a member records it. */
export type ExpenseInput = {
  /** A budget line of the award (the alliance's budgetLines[].id). */
  lineId: string;
  /** More than 0. */
  amount: number;
  /** When the money was spent (YYYY-MM-DD): not in the future (China time), within the cooperation period. */
  date: string;
  description: string;
  /** A verified receipt document of this alliance (kind "receipt"); one receipt backs one entry. */
  receiptDocumentId: string;
};

/** Why an entry is reversed. */
export type ReversalInput = {
  reason: string;
};

/** Why an admin resolves an entry's flag without reversing it. */
export type FlagResolutionInput = {
  reason: string;
};

/** An entry whose receipt failed reverification: unsupported spending for the office to look at. */
export type EntryFlag = {
  /** Why the receipt failed. */
  reason: Text;
  /** The receipt that failed. */
  documentId: string;
  flaggedAt: string;
  /** The admin whose reverification found it. */
  by: Recorder;
};

/** A flag once resolved: by a reversal of the entry, or an admin's resolution with a reason. */
export type ResolvedEntryFlag = Flat<
  EntryFlag & {
    resolvedAt: string;
    resolvedBy: Recorder;
    resolution: string;
    /** The reversal that resolved it, when one did. */
    reversedBy?: string | undefined;
  }
>;

/** An admin's move of allocation from one budget line to another. */
export type ReallocationInput = {
  fromLineId: string;
  toLineId: string;
  /** More than 0. */
  amount: number;
  reason: string;
};

export const ledgerEntryKinds = ['expense', 'reversal'] as const;
export type LedgerEntryKind = (typeof ledgerEntryKinds)[number];

/**
 * An entry of the ledger. Its id carries the instant it was recorded:
 * 20261126T124512345Z-<uuid>.
 */
export type LedgerEntry = {
  id: string;
  allianceId: string;
  kind: LedgerEntryKind;
  lineId: string;
  category: string;
  /** Negative for a reversal. */
  amount: number;
  date: string;
  description: string;
  receiptDocumentId?: string | undefined;
  /** SHA-256 of the receipt as verified when the expense was recorded (pinned). */
  receiptSha256?: string | undefined;
  /** The receipt's evidence copy (and its S3 version) when the expense was recorded. */
  receiptEvidenceKey?: string | undefined;
  receiptEvidenceVersionId?: string | undefined;
  recordedBy: Recorder;
  recordedAt: string;
  /** Why a reversal was made. */
  reason?: string | undefined;
  /** The entry a reversal cancels. */
  reversalOf?: string | undefined;
  /** The reversal that cancelled this entry. */
  reversedBy?: string | undefined;
  reversedAt?: string | undefined;
  /** Set while the entry's receipt has failed reverification and nobody has resolved it. */
  flag?: EntryFlag | undefined;
  /** The flag the entry had, once resolved. */
  resolvedFlag?: ResolvedEntryFlag | undefined;
};

export type Reallocation = {
  id: string;
  allianceId: string;
  fromLineId: string;
  toLineId: string;
  amount: number;
  reason: string;
  by: Recorder;
  at: string;
};

/** A budget line of the account: what it was given, spent, and has left. */
export type LedgerLine = {
  lineId: string;
  category: string;
  allocation: number;
  spent: number;
  remaining: number;
  /** Of `spent`, what flagged entries account for (their receipts failed reverification). */
  flaggedAmount: number;
};

/** The account at a glance. */
export type LedgerSummary = {
  allianceId: string;
  roundId?: string | undefined;
  /** open, or frozen (no writes). */
  status: string;
  /** The award. */
  award: number;
  lines: LedgerLine[];
  totals: {
    allocation: number;
    spent: number;
    remaining: number;
    /** Of `spent`, what flagged entries account for. */
    flaggedAmount: number;
    /** Entries flagged and not yet resolved. */
    flaggedEntries: number;
  };
};

/** The account with its reallocations and one page of entries, newest first. */
export type Ledger = Flat<
  LedgerSummary & {
    reallocations: Reallocation[];
    entries: LedgerEntry[];
    /** Where the next page of entries starts. */
    nextCursor?: string | undefined;
  }
>;

/** The account after a reallocation, and the reallocation. */
export type ReallocationResult = Flat<
  LedgerSummary & {
    reallocation: Reallocation;
  }
>;
