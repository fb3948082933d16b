import { AppError, canWorkQueue, type Role, type Sector } from '@okno/shared';

/** The authenticated person behind a request or socket, with where they act from. */
export interface Actor {
  id: number;
  login: string;
  name: string;
  roles: Role[];
  departmentId: number | null;
  sectors: Sector[];
  ip: string | null;
}

/** Refuses the action unless the actor may work the queue. */
export function requireQueueWorker(actor: Actor): void {
  if (!canWorkQueue(actor.roles)) {
    throw new AppError('forbidden', 'Это действие доступно только сотрудникам смены центра');
  }
}

export function requireRole(actor: Actor, roles: readonly Role[], what: string): void {
  if (!actor.roles.some((r) => roles.includes(r))) {
    throw new AppError('forbidden', `Недостаточно прав: ${what}`);
  }
}
