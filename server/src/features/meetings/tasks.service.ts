import { AppError, type CreateTaskInput, type MeetingEvent, type TaskDto, type TaskListQuery, type UpdateTaskInput } from '@okno/shared';
import type { Orm } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { User } from '../auth/user.entity.js';
import { Department } from '../directory/directory.entity.js';
import { runMeetingMutation, type MeetingDeps } from './meeting-mutation.js';
import { AgendaItem } from './meeting.entity.js';
import { assertFresh, COMPOSITION_ROLES, loadMeeting, requireAnyRole, requireStatus } from './meetings.access.js';
import { taskDtos } from './meetings.query.js';
import { MeetingTask, Vote } from './vote.entity.js';

const isCalendarDay = (day: string) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

/**
 * Turns a decision into a task with an assignee (a person or a department) and a due date,
 * under the secretary's control ([004] гл.3 п.10); open tasks join the next meeting's agenda.
 */
export function createTask(deps: MeetingDeps, actor: Actor, input: CreateTaskInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    requireAnyRole(actor, ['secretary'], 'исполнение решений контролирует секретарь');
    const meeting = await loadMeeting(em, actor, input.meetingId, 'update');
    requireStatus(meeting, ['live', 'ended'], 'Поручения даются по решениям заседания');
    if (!isCalendarDay(input.dueDate)) throw new AppError('validation', 'Неверная дата срока', { field: 'dueDate' });
    if (input.agendaItemId != null && !(await em.count(AgendaItem, { id: input.agendaItemId, meetingId: meeting.id }))) {
      throw new AppError('validation', 'Вопрос не из повестки этого заседания', { field: 'agendaItemId' });
    }
    if (input.voteId != null && !(await em.count(Vote, { id: input.voteId, meetingId: meeting.id, status: 'closed' }))) {
      throw new AppError('validation', 'Голосование не из этого заседания или ещё не закрыто', { field: 'voteId' });
    }
    const a = input.assignee;
    const exists = a.kind === 'user' ? await em.count(User, { id: a.userId, active: true }) : await em.count(Department, { id: a.departmentId });
    if (!exists) throw new AppError('validation', 'Исполнитель не найден', { field: 'assignee' });
    const task = em.create(MeetingTask, {
      meetingId: meeting.id,
      agendaItemId: input.agendaItemId,
      voteId: input.voteId,
      text: input.text,
      assigneeUserId: a.kind === 'user' ? a.userId : null,
      assigneeDepartmentId: a.kind === 'department' ? a.departmentId : null,
      dueDate: input.dueDate,
      status: 'open',
      report: '',
      createdById: actor.id,
    });
    await em.flush();
    const [dto] = await taskDtos(em, [task]);
    return { meetingId: meeting.id, data: { type: 'task.created', task: dto! } };
  });
}

/** The secretary marks a task done or withdrawn (or reopens it), with a report. */
export function updateTask(deps: MeetingDeps, actor: Actor, input: UpdateTaskInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    requireAnyRole(actor, ['secretary'], 'исполнение решений контролирует секретарь');
    const task = await em.findOne(MeetingTask, { id: input.taskId });
    if (!task) throw new AppError('not_found', 'Поручение не найдено');
    await loadMeeting(em, actor, task.meetingId, 'update');
    assertFresh(task, input.version, 'Поручение');
    task.status = input.status;
    if (input.report !== undefined) task.report = input.report;
    await em.flush();
    const [dto] = await taskDtos(em, [task]);
    return { meetingId: task.meetingId, data: { type: 'task.updated', task: dto! } };
  });
}

/** Decisions under control, earliest due first; members and observers see them all. */
export async function listTasks(orm: Orm, actor: Actor, query: TaskListQuery): Promise<TaskDto[]> {
  requireAnyRole(actor, [...COMPOSITION_ROLES, 'curator', 'admin'], 'поручения МЦУ видят члены МЦУ');
  const em = orm.em.fork();
  const tasks = await em.find(MeetingTask, query.status ? { status: query.status } : {}, { orderBy: { dueDate: 'asc', id: 'asc' }, limit: 2000 });
  return taskDtos(em, tasks);
}
