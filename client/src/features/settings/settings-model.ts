import type { CalendarYearBody, DeadlineClock, DeadlinePolicyBody, Role } from '@okno/shared';
import { ApiError } from '../../api/http';

/** Only an administrator changes deadline settings; everyone signed in may read them. */
export function canEditSettings(roles: readonly Role[]): boolean {
  return roles.includes('admin');
}

/** A number typed into a field; blank means "not set", anything unparsable is NaN (the server refuses it). */
export function parseOptionalNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  return Number(trimmed);
}

export interface PolicyEdit {
  clock: DeadlineClock;
  amount: string;
  maxExtension: string;
  atRiskThreshold: string;
}

/** The fields the policy table edits, as the form shows them. */
export function policyEditOf(policy: DeadlinePolicyBody): PolicyEdit {
  return {
    clock: policy.answer?.clock ?? 'calendar_days',
    amount: policy.answer ? String(policy.answer.amount) : '',
    maxExtension: policy.maxExtension === undefined ? '' : String(policy.maxExtension),
    atRiskThreshold: policy.atRiskThreshold === undefined ? '' : String(policy.atRiskThreshold),
  };
}

/**
 * The policy with the edited fields applied; everything the table does not show (registration,
 * redirect, high-importance and final periods, the non-working-end rule) is kept as it was.
 */
export function applyPolicyEdit(policy: DeadlinePolicyBody, edit: PolicyEdit): DeadlinePolicyBody {
  const next: DeadlinePolicyBody = { ...policy };
  const amount = parseOptionalNumber(edit.amount);
  if (amount === undefined) delete next.answer;
  else next.answer = { ...policy.answer, clock: edit.clock, amount };
  const ext = parseOptionalNumber(edit.maxExtension);
  if (ext === undefined) delete next.maxExtension;
  else next.maxExtension = ext;
  const risk = parseOptionalNumber(edit.atRiskThreshold);
  if (risk === undefined) delete next.atRiskThreshold;
  else next.atRiskThreshold = risk;
  return next;
}

export type DayListKey = 'holidays' | 'transferredWorkdays' | 'shortDays';
export const DAY_LISTS: readonly DayListKey[] = ['holidays', 'transferredWorkdays', 'shortDays'];

/** Adds an ISO date to one list of a calendar year, keeping it sorted and without repeats. */
export function addDay(calendar: CalendarYearBody, list: DayListKey, date: string): CalendarYearBody {
  if (calendar[list].includes(date)) return calendar;
  return { ...calendar, [list]: [...calendar[list], date].sort() };
}

export function removeDay(calendar: CalendarYearBody, list: DayListKey, date: string): CalendarYearBody {
  return { ...calendar, [list]: calendar[list].filter((d) => d !== date) };
}

/** Whether `date` is a real 'YYYY-MM-DD' day of `year`. */
export function isDayOfYear(date: string, year: number): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number(date.slice(0, 4)) !== year) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** A year not yet in the settings starts empty and projected. */
export function emptyCalendar(year: number): CalendarYearBody {
  return { source: `${year}`, status: 'projected', holidays: [], transferredWorkdays: [], shortDays: [] };
}

/** One listed problem: the engine's issues are strings, the request schema's are zod issues. */
function issueText(issue: unknown): string {
  if (typeof issue === 'string') return issue;
  const zod = issue as { path?: unknown; message?: unknown };
  if (typeof zod?.message === 'string') return Array.isArray(zod.path) && zod.path.length > 0 ? `${zod.path.join('.')}: ${zod.message}` : zod.message;
  return JSON.stringify(issue);
}

/** The problems a `validation` refusal lists (details.issues or zod's issues), or none for any other error. */
export function validationIssues(err: unknown): string[] {
  if (!(err instanceof ApiError) || err.code !== 'validation') return [];
  const details = err.details as { issues?: unknown } | unknown[] | undefined;
  const list = Array.isArray(details) ? details : Array.isArray(details?.issues) ? details.issues : [];
  // The engine's message already names every problem; show it when there is no list.
  return list.length > 0 ? list.map(issueText) : [err.message];
}

/** The reason the server requires with every change: 3 to 1000 characters after trimming. */
export function isValidReason(reason: string): boolean {
  const r = reason.trim();
  return r.length >= 3 && r.length <= 1000;
}
