/**
 * Organisation profiles: enterprises (§3.1, rules E1–E6) and societies (§3.2, rules S1–S4), with
 * every field the eligibility rules read. An applicant user acts for exactly one organisation.
 */
import type { Flat } from './flat.ts';

export const organisationKinds = ['enterprise', 'society'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export type Contact = {
  name: string;
  phone: string;
  email?: string | undefined;
};

export type Expert = {
  name: string;
  /** Professional title, e.g. 教授 / senior engineer. */
  title: string;
  field: string;
};

/** E6: the enterprise S&T association (企业科协). */
export const stAssociationStatuses = ['established', 'in-preparation', 'none'] as const;
export type StAssociationStatus = (typeof stAssociationStatuses)[number];

/** S1: a society of the city Association, or the S&T association of a university in the city. */
export const societyTypes = ['city-affiliated', 'university-in-city', 'other'] as const;
export type SocietyType = (typeof societyTypes)[number];

/** S2: the kinds of service to enterprise innovation a society records. */
export const serviceRecordKinds = [
  'academic-exchange',
  'training',
  'consulting',
  'technical-service',
  'other',
] as const;
export type ServiceRecordKind = (typeof serviceRecordKinds)[number];

export type EnterpriseProfile = {
  kind: 'enterprise';
  name: string;
  /** Unified Social Credit Code (统一社会信用代码). */
  uscc: string;
  /** E1: an independent legal person. */
  legalPerson: boolean;
  /** E1: a technology-based SME (科技型中小企业). */
  techSme: boolean;
  /** E2: main business is R&D, production or services of technology-intensive products. */
  mainBusiness: { description: string; techIntensive: boolean };
  /** E3 */
  employees: number;
  /** E3: staff directly engaged in R&D. */
  rdStaff: number;
  /** E4: the financial year of the two figures, whole yuan. */
  finances: { year: number; operatingRevenue: number; rdExpenditure: number };
  /** E5: provides workplace and equipment for the alliance. */
  workplace: { provided: boolean; description?: string | undefined };
  stAssociation: StAssociationStatus;
  contact: Contact;
};

export type ServiceRecord = {
  year: number;
  kind: ServiceRecordKind;
  title: string;
  description?: string | undefined;
};

export type SocietyProfile = {
  kind: 'society';
  name: string;
  uscc: string;
  societyType: SocietyType;
  university?: string | undefined;
  /** S2: experience serving enterprise innovation. */
  serviceRecords: ServiceRecord[];
  /** S3: the task is in the society's annual work plan, with the staff member responsible. */
  annualPlan: { year: number; includesTask: boolean; responsibleStaff?: Contact | undefined };
  /** S4 (an alliance names the team it sends). */
  experts: Expert[];
  contact: Contact;
};

/** A profile as an organisation gives it. */
export type OrganisationInput = EnterpriseProfile | SocietyProfile;

type Stored = {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type Enterprise = Flat<EnterpriseProfile & Stored>;
export type Society = Flat<SocietyProfile & Stored>;

/** A stored profile. */
export type Organisation = Enterprise | Society;
