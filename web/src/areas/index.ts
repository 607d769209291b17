/** Every screen area, in menu order. */
import { applicantArea } from './applicant.tsx';
import type { Area } from './area.ts';
import { officeArea } from './office.tsx';
import { reviewerArea } from './reviewer.tsx';

export const areas: readonly Area[] = [applicantArea, reviewerArea, officeArea];
