import {
  checkClose,
  checkInterimAnswer,
  checkRating,
  checkRequestExtension,
  checkReviewAnswer,
  checkSaveAnswer,
  CLOSE_RESULTS,
  decideRoute,
  interimAnswerStands,
  isDepartmentExecutor,
  ROUTABLE_STATUSES,
  canWorkQueue,
  type AnswerItem,
  type CloseResult,
  type ItemDto,
  type MeDto,
} from '@okno/shared';

/**
 * What the card offers whom in the workflow, through the shared rules the server enforces,
 * so the card shows only what would be accepted. The server still has the last word.
 */
type Person = Pick<MeDto, 'id' | 'roles' | 'departmentId'>;

function answerItem(item: ItemDto): AnswerItem {
  const answer = item.answer ? { state: item.answer.state, authorId: item.answer.author.id, text: item.answer.text } : null;
  return { kind: item.kind, status: item.status, departmentId: item.departmentId, mergedIntoId: item.mergedIntoId, answer };
}

/** An executor of the body the item is routed to. */
export function isItemExecutor(me: Person, item: ItemDto): boolean {
  return isDepartmentExecutor(me, item);
}

/** Queue workers route items that are still open (shared `decideRoute`). */
export function canRoute(me: Person, item: ItemDto): boolean {
  return canWorkQueue(me.roles) && ROUTABLE_STATUSES.includes(item.status) && item.mergedIntoId === null;
}

/** Moving an item that is or was with a body (even taken back into work): a re-route, which needs a reason. */
export function isReroute(item: ItemDto): boolean {
  return item.departmentId !== null;
}

/** Whether routing to `departmentId` would be refused for a missing reason or the same body. */
export function routeRefusal(me: Person, item: ItemDto, departmentId: number, reason: string) {
  const decision = decideRoute({ roles: me.roles, status: item.status, currentDepartmentId: item.departmentId, targetDepartmentId: departmentId, reason });
  return decision.ok ? null : decision.refusal;
}

/** The department's executor (or a worker of the centre) writes the answer while the item is routed. */
export function canEditAnswer(me: Person, item: ItemDto): boolean {
  return checkSaveAnswer(me, answerItem(item)) === null;
}

/** Operators and leads check a submitted answer, never their own. */
export function canReview(me: Person, item: ItemDto): boolean {
  return checkReviewAnswer(me, answerItem(item)) === null;
}

/**
 * The body's executor asks for more time, one request at a time, while the item is theirs and
 * its deadline may still be extended (appeals, once: `extensionAvailableDays`).
 */
export function canRequestExtension(me: Person, item: ItemDto): boolean {
  if (item.extensionRequest !== null || item.deadlines?.extensionAvailableDays == null) return false;
  return checkRequestExtension(me, answerItem(item)) === null;
}

/**
 * An incident's interim answer: a worker of the centre or the executor of the body it is routed
 * to, while it is open and no interim answer stands since its last reopening (the server's rule).
 */
export function canGiveInterim(me: Person, item: ItemDto): boolean {
  if (item.kind !== 'incident' || interimAnswerStands(item.deadlines?.interimAnsweredAt, item.deadlines?.reopenedAt)) return false;
  return checkInterimAnswer(me, answerItem(item)) === null;
}

/** The call centre enters the citizen's rating once per answer sent. */
export function canRate(me: Person, item: ItemDto): boolean {
  const rated = {
    status: item.status,
    answerState: item.answer?.state ?? null,
    answerSentAt: item.answer?.sentAt ? new Date(item.answer.sentAt) : null,
    lastRatedAt: item.rating ? new Date(item.rating.at) : null,
  };
  return checkRating(rated, 'call_centre', me.roles) === null;
}

/**
 * The close results the shared closing rule allows this person for the item as it stands;
 * what a result still needs from the dialog (a note, the main item) is not asked here.
 */
export function closeResultsFor(me: Person, item: ItemDto): CloseResult[] {
  const closable = { id: item.id, status: item.status, mergedIntoId: item.mergedIntoId, answerState: item.answer?.state ?? null };
  return CLOSE_RESULTS.filter((result) => {
    const refusal = checkClose(me.roles, closable, { result, note: 'x'.repeat(3), main: { id: -1, status: 'in_work', mergedIntoId: null } });
    return refusal === null;
  });
}
