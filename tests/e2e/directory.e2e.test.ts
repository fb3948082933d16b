import type { ItemSnapshot } from '@okno/shared';
import { api, login } from '@okno/server/testing';
import { describe, expect, it } from 'vitest';
import { request } from '../integration/workflow-helpers.js';
import { connected, useE2e } from './browser.js';

const e2e = useE2e();

describe('the directory of bodies, live', () => {
  it('a body an administrator adds is at once in an operator’s route dialog; a head’s open directory page offers a reload', async () => {
    const operatorToken = await login(e2e.url, 'operator1');
    const item = (await api<ItemSnapshot>(e2e.url, operatorToken, '/api/items')).body.items.find((i) => i.status === 'new' && i.departmentId === null)!;
    const name = 'МКУ «Служба благоустройства E2E»';

    const [operator, head] = await Promise.all([e2e.signedIn('operator1'), e2e.signedIn('head')]);
    await operator.goto(`${e2e.url}/items/${item.id}`);
    await operator.getByTestId('item-panel').waitFor();
    await connected(operator);
    await operator.getByTestId('route-button').click();
    await operator.getByTestId('route-search').fill('благоустройства E2E');
    const options = operator.getByTestId('route-option');
    expect(await options.count()).toBe(0);

    await head.getByTestId('nav-directory').click();
    await head.getByTestId('directory-admin-page').waitFor();
    await connected(head);
    expect(await head.getByTestId('departments-table').textContent()).not.toContain(name);

    const adminToken = await login(e2e.url, 'admin');
    const created = await request(e2e.url, adminToken, 'POST', '/api/routing/departments', {
      code: 'e2e_improvement', name, kind: 'municipal_institution', sectors: ['housing'],
    });
    expect(created.status).toBe(200);

    // No reload on either side: the change arrives over the socket.
    await expect.poll(() => options.count(), { timeout: 5000 }).toBe(1);
    expect(await options.first().textContent()).toContain(name);
    const notice = head.getByTestId('directory-changed-elsewhere');
    await notice.waitFor({ timeout: 5000 });
    expect(await notice.textContent()).toContain('изменил(а) справочник');
    await head.getByTestId('directory-reload').click();
    await expect.poll(() => head.getByTestId('departments-table').textContent()).toContain(name);
    expect(await notice.count()).toBe(0);

    await Promise.all([operator.context().close(), head.context().close()]);
  }, 60_000);
});
