import type { Ack, MeetingEvent, MeetingState, ProtocolDto } from '@okno/shared';
import { api, createTestDatabase, login, mutationId, openSocket, startNode, type TestDatabase } from '@okno/server/testing';
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingOk, startedMeeting } from '../bench/lib/meetings.js';

type Node = Awaited<ReturnType<typeof startNode>>;
let db: TestDatabase;
let a: Node;
let b: Node;
const t: Record<'head' | 'secretary' | 'member' | 'member2', string> = { head: '', secretary: '', member: '', member2: '' };
let meetingId: number;
let protocol: ProtocolDto;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await startNode(db.url, { redis: true, nodeId: 'node-a' });
  b = await startNode(db.url, { redis: true, seed: false, nodeId: 'node-b' });
  const [head, secretary, member, member2] = await Promise.all(['head', 'secretary', 'member1', 'member2'].map((l) => login(a.url, l)));
  Object.assign(t, { head, secretary, member, member2 });
});
afterAll(async () => {
  // The presence feature announces who is online 1 s after a socket comes or goes; let that
  // pass before Redis closes, or its late emit rejects unhandled.
  await new Promise((resolve) => setTimeout(resolve, 1200));
  await Promise.all([a?.close(), b?.close()]);
  await db?.drop();
});

const me = async (token: string) => (await api<{ id: number }>(a.url, token, '/api/auth/me')).body.id;

describe('the protocol across two nodes', () => {
  it('is generated, approved and signed on one node while a participant on the other follows live', async () => {
    let itemId: number;
    ({ meetingId, itemId } = await startedMeeting(a.url, { head: t.head, secretary: t.secretary, member: t.member }));
    const watcher = await openSocket(b.url, t.member2); // present remotely, on node b
    const events: MeetingEvent[] = [];
    watcher.on('meeting:event', (e) => events.push(e));
    const joined = (await watcher.emitWithAck('meeting:join', { meetingId })) as Ack<MeetingState>;
    expect(joined.ok).toBe(true);
    for (const token of [t.head, t.secretary]) await meetingOk(a.url, t.secretary, `/${meetingId}/attendance`, { userId: await me(token), inRoom: true });
    const opened = await meetingOk(a.url, t.head, `/${meetingId}/votes`, { agendaItemId: itemId, question: 'Утвердить план работы центра' });
    const voteId = opened.data.type === 'vote.opened' ? opened.data.vote.id : 0;
    await meetingOk(a.url, t.head, `/${meetingId}/votes/cast`, { voteId, choice: 'for' });
    await meetingOk(a.url, t.secretary, `/${meetingId}/votes/cast`, { voteId, choice: 'for' });
    const ack = (await watcher.emitWithAck('meeting:cast', { mutationId: mutationId(), meetingId, voteId, choice: 'against' })) as Ack<MeetingEvent>;
    expect(ack.ok).toBe(true);
    await meetingOk(a.url, t.head, `/${meetingId}/votes/close`, { voteId });
    await meetingOk(a.url, t.secretary, `/${meetingId}/end`);
    const draft = (await api<ProtocolDto>(a.url, t.secretary, `/api/meetings/${meetingId}/protocol`)).body;
    await meetingOk(a.url, t.head, `/${meetingId}/protocol/approve`, { version: draft.version });
    const approved = (await api<ProtocolDto>(a.url, t.secretary, `/api/meetings/${meetingId}/protocol`)).body;
    await meetingOk(a.url, t.secretary, `/${meetingId}/protocol/sign`, { version: approved.version });
    await expect.poll(() => events.at(-1)?.data.type).toBe('protocol.signed');
    protocol = (await api<ProtocolDto>(b.url, t.member2, `/api/meetings/${meetingId}/protocol`)).body;
    expect(protocol).toMatchObject({ status: 'signed', intact: true });
    expect(protocol.hash).toMatch(/^[0-9a-f]{64}$/);
    watcher.close();
  });

  it('exports a PDF whose Cyrillic text reads back: composition, quorum, the named vote, the signature', async () => {
    const res = await fetch(`${b.url}/api/meetings/${meetingId}/protocol/pdf`, { headers: { authorization: `Bearer ${t.member}` } });
    expect(res.status).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain(`ПРОТОКОЛ № ${meetingId}`);
    expect(text).toContain('Орлов Владимир Николаевич — руководитель: присутствовал(а) очно');
    expect(text).toContain('Киселёва Татьяна Юрьевна — член МЦУ: присутствовал(а) дистанционно');
    expect(text).toContain('Кворум: присутствуют 3 из 6 членов МЦУ — заседание правомочно');
    expect(text).toContain('Утвердить план работы центра');
    expect(text).toContain('Против: Киселёва Татьяна Юрьевна');
    expect(text).toContain('Итог: решение принято');
    expect(text).toContain(protocol.hash!);
  });

  it('exports a DOCX with the same text', async () => {
    const res = await fetch(`${a.url}/api/meetings/${meetingId}/protocol/docx`, { headers: { authorization: `Bearer ${t.member}` } });
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain(`ПРОТОКОЛ № ${meetingId}`);
    expect(text).toContain('Против: Киселёва Татьяна Юрьевна');
    expect(text).toContain(protocol.hash!);
  });
});
