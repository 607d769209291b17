/** Notification preferences (GET/PUT /v1/me/preferences): schemas. See shared/domain/preferences.ts. */
import * as z from 'zod';
import { notificationTopics } from '../domain/notify.ts';

export const PreferencesInputSchema = z
  .object({
    email: z
      .email()
      .max(254)
      .optional()
      .meta({ description: 'Where e-mail goes; leave out to use the sign-in address' }),
    phone: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/)
      .optional()
      .meta({
        description:
          'Mobile number in E.164 form (+86…), for text messages where the deployment has an SMS channel',
      }),
    lang: z.enum(['zh', 'en']).meta({ description: 'Language of the messages (zh: 中文, en: English)' }),
    optOut: z
      .array(z.enum(notificationTopics))
      .max(notificationTopics.length)
      .default([])
      .meta({ description: 'Optional topics not to be sent (essential topics cannot be opted out of: 400)' }),
  })
  .strict()
  .meta({
    id: 'PreferencesInput',
    description: 'My notification preferences (replaces the previous ones)',
    examples: [{ email: 'zhang.wei@example.cn', lang: 'zh', optOut: ['report-submitted'] }],
  });

export const PreferencesSchema = z
  .object({
    email: z.string().optional(),
    phone: z.string().optional(),
    lang: z.enum(['zh', 'en']),
    optOut: z.array(z.enum(notificationTopics)),
    updatedAt: z.string().optional(),
    address: z.string().optional().meta({
      description: 'The address messages go to now (the chosen one, else the sign-in or directory address)',
    }),
    optionalTopics: z
      .array(z.enum(notificationTopics))
      .meta({ description: 'The topics one may opt out of' }),
  })
  .meta({ id: 'Preferences' });
