/**
 * The dedicated account (专账管理, §4.3) of a designated alliance: its award split over budget
 * lines, and a ledger of expenses. Corrections are reversing entries, never edits or deletes;
 * an admin may move allocation between lines (a reallocation), never beyond what a line has left.
 * Amounts are whole yuan.
 */
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
  recordedBy: Recorder;
  recordedAt: string;
  /** Why a reversal was made. */
  reason?: string | undefined;
  /** The entry a reversal cancels. */
  reversalOf?: string | undefined;
  /** The reversal that cancelled this entry. */
  reversedBy?: string | undefined;
  reversedAt?: string | undefined;
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
  totals: { allocation: number; spent: number; remaining: number };
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
