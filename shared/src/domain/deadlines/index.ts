/**
 * Deadline engine: pure functions over a production calendar, a centre and deadline policies.
 *
 * Interpretation choices (each configurable where a region may differ):
 * - Periods in days start the day after the event (Civil Code art. 191): an appeal registered
 *   on 10 March has day 1 on 11 March; a 30-day answer is due on 9 April.
 * - A day period ends when the centre's working hours end that day (Civil Code art. 194 p. 1:
 *   an act done in an organisation must be done in its working hours), 17:00 on a shortened day.
 * - 59-ФЗ counts calendar days and says nothing about a last day that is not a working day.
 *   The answer and redirect periods then end on the preceding working day, as regional
 *   instructions on appeals usually require: stricter than the Civil Code's art. 193 (next
 *   working day), so a deadline shown by Okno is never later than the one an inspector applies.
 *   Registration (3 days) ends on the next working day instead, since nothing can be registered
 *   during the holidays. Neither rule moves a deadline back onto the day the period started.
 * - Until an appeal is registered its answer counts from arrival, the earliest possible start.
 * - An extension adds to the answer period (30 + 30 = 60 days from registration); one only.
 *   A reopening restarts the answer period from the reopening; a granted extension stays.
 * - Working hours: an arrival outside them starts at the next opening; the due instant is the
 *   earliest moment the hours are used up (Friday 18:00, not Monday 09:00). "4 hours" for a
 *   high-importance incident is read as 4 working hours.
 * - Working days: the n-th working day after the day of arrival, due at its closing time.
 * - Risk: the used share is measured on the deadline's own clock (working time for working
 *   clocks); overdue is by wall time. At the due instant itself an item is at risk, not overdue.
 * - Days outside the loaded calendar years follow the plain five-day week (see coversDay).
 */
export * from './calendar-year.js';
export * from './calendars/index.js';
export * from './working-calendar.js';
export * from './centre.js';
export * from './clocks.js';
export * from './policies.js';
export * from './deadlines.js';
export * from './risk.js';
export * from './at-risk.js';
