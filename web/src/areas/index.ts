/** Every screen area, in menu order. */
import { applicantArea } from './applicant.tsx';
import type { Area } from './area.ts';
import { commonArea } from './common.tsx';
import { officeArea } from './office.tsx';
import { inspectionsArea, oversightArea } from './oversight.tsx';
import { reviewerArea } from './reviewer.tsx';

export const areas: readonly Area[] = [
  applicantArea,
  reviewerArea,
  officeArea,
  oversightArea,
  inspectionsArea,
  commonArea,
];
