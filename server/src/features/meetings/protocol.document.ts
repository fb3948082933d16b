import type { AttendanceMode, CompositionPosition, ProtocolDto, VoteChoice, VoteOutcome } from '@okno/shared';

/** A protocol as print-neutral blocks, rendered to PDF and DOCX alike. */
export type DocBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean }
  | { kind: 'list'; items: string[] };

const POSITION: Record<CompositionPosition, string> = {
  head: 'руководитель',
  deputy_head: 'заместитель руководителя',
  secretary: 'секретарь',
  member: 'член МЦУ',
};
const MODE: Record<AttendanceMode, string> = { in_room: 'присутствовал(а) очно', remote: 'присутствовал(а) дистанционно', absent: 'отсутствовал(а)' };
const OUTCOME: Record<VoteOutcome, string> = { adopted: 'решение принято', rejected: 'решение не принято', no_quorum: 'решение не принято: нет кворума' };
const CHOICE: Record<VoteChoice, string> = { for: 'За', against: 'Против', abstain: 'Воздержались' };

/** The protocol's blocks; dates in the centre's time zone. */
export function protocolDocument(p: ProtocolDto, timeZone = 'Europe/Moscow'): DocBlock[] {
  const c = p.content;
  const when = (iso: string | null) =>
    iso ? new Intl.DateTimeFormat('ru-RU', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso)) : '—';
  const blocks: DocBlock[] = [
    { kind: 'title', text: `ПРОТОКОЛ № ${c.meeting.id}` },
    { kind: 'paragraph', text: `заседания муниципального центра управления «${c.meeting.title}»`, bold: true },
  ];
  if (p.status === 'draft') blocks.push({ kind: 'paragraph', text: 'ПРОЕКТ', bold: true });
  blocks.push(
    { kind: 'paragraph', text: `Дата и время: ${when(c.meeting.startsAt)}` },
    { kind: 'paragraph', text: `Место проведения: ${c.meeting.place ?? 'дистанционно'}${c.meeting.remoteLink ? `; подключение: ${c.meeting.remoteLink}` : ''}` },
    { kind: 'paragraph', text: `Председательствующий: ${c.chair?.name ?? '—'}. Секретарь: ${c.secretary?.name ?? '—'}.` },
    { kind: 'heading', text: 'Состав и присутствие' },
    { kind: 'list', items: c.attendance.map((a) => `${a.member.name} — ${POSITION[a.member.position]}: ${MODE[a.mode]}`) },
  );
  if (c.invitees.length > 0) {
    blocks.push({ kind: 'heading', text: 'Приглашённые (без права голоса)' });
    blocks.push({ kind: 'list', items: c.invitees.map((i) => `${i.person.name}: ${i.attended ? 'присутствовал(а)' : 'отсутствовал(а)'}`) });
  }
  blocks.push({
    kind: 'paragraph',
    text: `Кворум: присутствуют ${c.quorum.present} из ${c.quorum.members} членов МЦУ — ${c.quorum.has ? 'заседание правомочно' : 'кворума нет, заседание неправомочно'}.`,
  });
  blocks.push({ kind: 'heading', text: 'Повестка' }, ...c.agenda.map((a): DocBlock => ({ kind: 'paragraph', text: `${a.position}. ${a.title}` })));
  for (const a of c.agenda) {
    blocks.push({ kind: 'heading', text: `${a.position}. ${a.title}` });
    if (a.notes) blocks.push({ kind: 'paragraph', text: `Слушали: ${a.notes}` });
    for (const v of a.votes) {
      const t = v.result.tally;
      blocks.push({ kind: 'paragraph', text: `Голосование${v.secret ? ' (тайное)' : ''}: ${v.question}`, bold: true });
      blocks.push({ kind: 'paragraph', text: `За — ${t.for}, против — ${t.against}, воздержались — ${t.abstain}, не голосовали — ${t.notVoted} (присутствовали ${t.present} из ${t.members}).` });
      if (v.result.ballots) {
        const named = (['for', 'against', 'abstain'] as const)
          .map((choice) => [choice, v.result.ballots!.filter((b) => b.choice === choice).map((b) => b.voter.name)] as const)
          .filter(([, names]) => names.length > 0)
          .map(([choice, names]) => `${CHOICE[choice]}: ${names.join(', ')}`);
        if (named.length) blocks.push({ kind: 'list', items: named });
      }
      const casting = t.decidedByChair ? ` (при равенстве голосов решающий голос председательствующего: ${v.chair.name})` : '';
      blocks.push({ kind: 'paragraph', text: `Итог: ${OUTCOME[t.outcome]}${casting}.` });
    }
    if (a.decision) blocks.push({ kind: 'paragraph', text: `Решили: ${a.decision}` });
    for (const o of a.opinions) blocks.push({ kind: 'paragraph', text: `Письменное мнение отсутствовавшего члена МЦУ ${o.author.name}: ${o.text}` });
  }
  if (c.remarks) blocks.push({ kind: 'heading', text: 'Примечания' }, { kind: 'paragraph', text: c.remarks });
  blocks.push({ kind: 'heading', text: 'Утверждение и подпись' });
  blocks.push({ kind: 'paragraph', text: `Утвердил(а): ${p.approvedBy ? `${p.approvedBy.name}, ${when(p.approvedAt)}` : '—'}` });
  blocks.push({ kind: 'paragraph', text: `Подписал(а) секретарь: ${p.signedBy ? `${p.signedBy.name}, ${when(p.signedAt)}` : '—'}` });
  if (p.hash) blocks.push({ kind: 'paragraph', text: `Контрольная сумма подписанного текста (SHA-256): ${p.hash}` });
  return blocks;
}
