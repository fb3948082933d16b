import { z } from 'zod';
import { RUSSIAN_TIME_ZONES, type RussianTimeZone } from '../domain/deadlines/centre.js';
import { NON_WORKING_END_RULES } from '../domain/deadlines/clocks.js';
import { DEADLINE_CLOCKS } from '../domain/deadlines/policies.js';
import { CHANNELS, ITEM_KINDS } from '../domain/enums.js';
import { Version } from './items.js';

/*
 * What an administrator edits: deadline policies, production calendar years and the centre's
 * hours. The shapes mirror the engine's types; its *Issues functions check the meaning.
 */

const ClockPeriod = z.object({
  clock: z.enum(DEADLINE_CLOCKS),
  amount: z.number().positive(),
  onNonWorkingEnd: z.enum(NON_WORKING_END_RULES).optional(),
});

const PolicyCode = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/);

export const DeadlinePolicyBody = z.object({
  kind: z.enum(ITEM_KINDS),
  channel: z.enum(CHANNELS).optional(),
  categoryCode: z.string().min(1).max(100).optional(),
  register: ClockPeriod.optional(),
  redirect: ClockPeriod.optional(),
  answer: ClockPeriod.optional(),
  answerHighImportance: ClockPeriod.optional(),
  finalAfterInterim: ClockPeriod.optional(),
  maxExtension: z.number().int().positive().optional(),
  atRiskThreshold: z.number().gt(0).max(1).optional(),
});
export type DeadlinePolicyBody = z.infer<typeof DeadlinePolicyBody>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const CalendarYearBody = z.object({
  source: z.string().min(1).max(500),
  status: z.enum(['official', 'projected']),
  holidays: z.array(IsoDate).max(366),
  transferredWorkdays: z.array(IsoDate).max(366),
  shortDays: z.array(IsoDate).max(366),
});
export type CalendarYearBody = z.infer<typeof CalendarYearBody>;

const HhMm = z.string().regex(/^\d{2}:\d{2}$/);
const ZONES = Object.keys(RUSSIAN_TIME_ZONES) as [RussianTimeZone, ...RussianTimeZone[]];
export const CentreSettingsBody = z.object({
  timeZone: z.union([z.enum(ZONES), z.number().int().min(-840).max(840)]),
  workdayStart: HhMm.optional(),
  workdayEnd: HhMm.optional(),
  lunchBreak: z.object({ start: HhMm, end: HhMm }).optional(),
  shortDayCutMinutes: z.number().int().nonnegative().optional(),
});
export type CentreSettingsBody = z.infer<typeof CentreSettingsBody>;

const Reason = z.string().trim().min(3).max(1000);
/** `version` is the row's version as the editor saw it; null creates a new row. */
export const SavePolicyInput = z.object({ version: Version.nullable(), policy: DeadlinePolicyBody, reason: Reason });
export const DeletePolicyQuery = z.object({ version: z.coerce.number().int().nonnegative(), reason: Reason });
export const SaveCalendarInput = z.object({ version: Version.nullable(), calendar: CalendarYearBody, reason: Reason });
export const SaveCentreInput = z.object({ version: Version, centre: CentreSettingsBody, reason: Reason });
export type SavePolicyInput = z.infer<typeof SavePolicyInput>;
export type SaveCalendarInput = z.infer<typeof SaveCalendarInput>;
export type SaveCentreInput = z.infer<typeof SaveCentreInput>;

export const DeadlineSettingsDto = z.object({
  /** Grows with every change; nodes compare it to know their cached rules are stale. */
  revision: z.number().int(),
  policies: z.array(z.object({ code: PolicyCode, version: Version, policy: DeadlinePolicyBody })),
  calendars: z.array(z.object({ year: z.number().int(), version: Version, calendar: CalendarYearBody })),
  centre: z.object({ version: Version, centre: CentreSettingsBody }),
});
export type DeadlineSettingsDto = z.infer<typeof DeadlineSettingsDto>;
export { PolicyCode as DeadlinePolicyCode };

/** One audited change of the deadline settings. */
export const SettingsRevisionDto = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  target: z.enum(['policy', 'calendar', 'centre']),
  key: z.string(),
  version: z.number().int(),
  reason: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type SettingsRevisionDto = z.infer<typeof SettingsRevisionDto>;
