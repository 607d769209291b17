/**
 * Alliances (企会协作创新联盟, §2.1, §2.2, §1.3): enterprises and societies applying together.
 * A draft may be incomplete; rule A2 reports what is missing and submission refuses it.
 */

import type { Text } from '../text.ts';
import type { Flat } from './flat.ts';
import type { Expert, OrganisationKind } from './organisation.ts';

/** §2.1: the seven kinds of service content. */
export const serviceTypes = {
  1: { en: 'S&T strategy consulting', zh: '企业科技战略咨询' },
  2: { en: 'Absorbing and transferring technical information', zh: '吸收转化先进技术信息' },
  3: { en: 'Mass technical innovation activities', zh: '群众性技术创新活动' },
  4: { en: 'Joint tackling of key or common technologies', zh: '协同创新攻关项目' },
  5: {
    en: 'Introducing major new technology projects or production lines',
    zh: '引进重大新技术项目或生产线',
  },
  6: { en: 'Talent exchange and training', zh: '人才交流和人才培养' },
  7: { en: 'Other industry–academia cooperation', zh: '其他产学研用合作' },
} as const satisfies Record<number, Text>;

/**
 * draft → submitted (→ withdrawn) → rejected (screening) | in-review → selected | not-selected
 * → dropped (objection upheld) | designated (funded) → completed | terminated (closed by an admin).
 */
export const allianceStatuses = [
  'draft',
  'submitted',
  'withdrawn',
  'rejected',
  'in-review',
  'selected',
  'not-selected',
  'dropped',
  'designated',
  'completed',
  'terminated',
] as const;
export type AllianceStatus = (typeof allianceStatuses)[number];

/** A line of the fund plan (资金使用方向和范围, §4.3); amounts in whole yuan. */
export type BudgetLine = {
  /** Lower-case id, e.g. equipment. */
  id: string;
  category: string;
  description?: string | undefined;
  /** Total of the line. */
  amount: number;
  /** The enterprises' own money in this line. */
  enterpriseFunds: number;
  /** What the line asks of the programme. */
  programmeFunds: number;
};

/** An expert of the alliance's team, and the society that sends them (S4). */
export type AllianceExpert = Flat<
  Expert & {
    organisationId: string;
  }
>;

export type Task = {
  title: string;
  description?: string | undefined;
};

/** A milestone of the work plan (进度安排). */
export type WorkPlanItem = {
  milestone: string;
  due: string;
  deliverable?: string | undefined;
};

/** A periodic assessment indicator (定期考核指标). */
export type Indicator = {
  id: string;
  name: string;
  target: number;
  unit?: string | undefined;
  due?: string | undefined;
};

/** The content of an application; every field optional while it is a draft. */
export type AllianceContent = {
  name?: string | undefined;
  summary?: string | undefined;
  /** Collaboration goals (协作目标). */
  goals?: string | undefined;
  tasks?: Task[] | undefined;
  /** Concrete guarantee measures (保障措施). */
  guaranteeMeasures?: string | undefined;
  /** Cooperation period (合作期限), dates YYYY-MM-DD. */
  period?: { start: string; end: string } | undefined;
  /** How results and IP rights are shared (协商决定权益, §1.3.3). */
  rightsSharing?: string | undefined;
  expertTeam?: AllianceExpert[] | undefined;
  workPlan?: WorkPlanItem[] | undefined;
  indicators?: Indicator[] | undefined;
  budgetLines?: BudgetLine[] | undefined;
  /** Service content types 1–7 (§2.1). */
  serviceTypes?: number[] | undefined;
  /** Sector ids of the round. */
  sectors?: string[] | undefined;
};

export const memberStates = ['invited', 'confirmed', 'declined'] as const;
export type MemberState = (typeof memberStates)[number];

export type Member = {
  organisationId: string;
  kind: OrganisationKind;
  name: string;
  state: MemberState;
  invitedBy?: string | undefined;
  invitedAt: string;
  respondedAt?: string | undefined;
};

/** One change of an alliance's status: to what, when, by whom ("username (sub)"), why. */
export type AllianceStatusEntry = {
  status: AllianceStatus;
  at: string;
  by: string;
  reason?: string | undefined;
};

/**
 * The stored alliance. Its members are items of their own; the item also keeps its status history,
 * which `Alliance` shows.
 */
export type AllianceRecord = Flat<
  AllianceContent & {
    id: string;
    roundId: string;
    name: string;
    status: AllianceStatus;
    version: number;
    /** The organisation that created the draft. */
    createdBy: string;
    submittedAt?: string | undefined;
    createdAt: string;
    updatedAt: string;
  }
>;

/** An alliance as the API shows it: the record with its members and status history. */
export type Alliance = Flat<
  AllianceRecord & {
    members: Member[];
    statusHistory: AllianceStatusEntry[];
  }
>;
