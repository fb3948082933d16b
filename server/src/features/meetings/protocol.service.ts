import { AppError, type ApproveProtocolInput, type EditProtocolInput, type MeetingEvent, type ProtocolDto } from '@okno/shared';
import type { Em, Orm } from '../../db/orm.js';
import type { Actor } from '../auth/actor.js';
import { runMeetingMutation, type MeetingDeps } from './meeting-mutation.js';
import { assertFresh, loadMeeting, requireAnyRole } from './meetings.access.js';
import { toProtocolDtoChecked } from './meetings.query.js';
import { protocolHash } from './protocol.hash.js';
import { Protocol } from './vote.entity.js';

async function loadProtocol(em: Em, actor: Actor, meetingId: number): Promise<Protocol> {
  await loadMeeting(em, actor, meetingId, 'update');
  const protocol = await em.findOne(Protocol, { meetingId });
  if (!protocol) throw new AppError('not_found', 'Протокол появится после завершения заседания');
  return protocol;
}

/** The protocol with its signature check; `intact` is false when it changed after signing. */
export async function getProtocol(orm: Orm, actor: Actor, meetingId: number): Promise<ProtocolDto> {
  const em = orm.em.fork();
  await loadMeeting(em, actor, meetingId);
  const protocol = await em.findOne(Protocol, { meetingId });
  if (!protocol) throw new AppError('not_found', 'Протокол появится после завершения заседания');
  return toProtocolDtoChecked(em, protocol);
}

/** The secretary edits the draft: notes and decisions per agenda item, and remarks. The facts stay. */
export function editProtocol(deps: MeetingDeps, actor: Actor, input: EditProtocolInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    requireAnyRole(actor, ['secretary'], 'протокол ведёт секретарь');
    const protocol = await loadProtocol(em, actor, input.meetingId);
    if (protocol.status !== 'draft') throw new AppError('invalid_transition', 'Протокол утверждён: изменить его нельзя');
    assertFresh(protocol, input.version, 'Протокол');
    const agenda = protocol.content.agenda.map((item) => {
      const edit = input.items.find((e) => e.agendaItemId === item.agendaItemId);
      return edit ? { ...item, notes: edit.notes ?? item.notes, decision: edit.decision ?? item.decision } : item;
    });
    const unknown = input.items.find((e) => !agenda.some((i) => i.agendaItemId === e.agendaItemId));
    if (unknown) throw new AppError('validation', 'В протоколе нет такого вопроса повестки', { agendaItemId: unknown.agendaItemId });
    protocol.content = { ...protocol.content, agenda, remarks: input.remarks ?? protocol.content.remarks };
    await em.flush();
    return { meetingId: protocol.meetingId, data: { type: 'protocol.edited', protocol: await toProtocolDtoChecked(em, protocol) } };
  });
}

/** The chair approves the protocol: the head or the deputy standing in ([000] 19). */
export function approveProtocol(deps: MeetingDeps, actor: Actor, input: ApproveProtocolInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    requireAnyRole(actor, ['head', 'deputy_head'], 'протокол утверждает руководитель или замещающее его лицо');
    const protocol = await loadProtocol(em, actor, input.meetingId);
    if (protocol.status !== 'draft') throw new AppError('invalid_transition', 'Протокол уже утверждён');
    assertFresh(protocol, input.version, 'Протокол');
    Object.assign(protocol, { status: 'approved', approvedById: actor.id, approvedAt: new Date() } satisfies Partial<Protocol>);
    await em.flush();
    return { meetingId: protocol.meetingId, data: { type: 'protocol.approved', protocol: await toProtocolDtoChecked(em, protocol) } };
  });
}

/**
 * The secretary signs the approved protocol ([000] 12.5, 19). Who and when are recorded with
 * the sha256 of the canonical signed content, here and in the append-only event log, so any
 * later change shows as `intact: false`.
 */
export function signProtocol(deps: MeetingDeps, actor: Actor, input: ApproveProtocolInput): Promise<MeetingEvent> {
  return runMeetingMutation(deps, actor, input.mutationId, async (em) => {
    requireAnyRole(actor, ['secretary'], 'протокол подписывает секретарь');
    const protocol = await loadProtocol(em, actor, input.meetingId);
    if (protocol.status !== 'approved') {
      throw new AppError('invalid_transition', protocol.status === 'signed' ? 'Протокол уже подписан' : 'Сначала протокол утверждает председательствующий');
    }
    assertFresh(protocol, input.version, 'Протокол');
    Object.assign(protocol, { status: 'signed', signedById: actor.id, signedAt: new Date() } satisfies Partial<Protocol>);
    protocol.hash = protocolHash(protocol);
    await em.flush();
    const dto = { ...(await toProtocolDtoChecked(em, protocol)), intact: true };
    return { meetingId: protocol.meetingId, data: { type: 'protocol.signed', protocol: dto } };
  });
}
