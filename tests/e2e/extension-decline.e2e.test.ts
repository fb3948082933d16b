import type { DirectoryDto } from '@okno/shared';
import { api, login } from '@okno/server/testing';
import { describe, expect, it } from 'vitest';
import { claimAndRoute, ingestItems, mutateItem } from '../integration/workflow-helpers.js';
import { connected, useE2e } from './browser.js';

const e2e = useE2e();

describe('declining an extension request in two browsers', () => {
  it('the sector lead declines with a reason; the executor sees it live and may ask again', async () => {
    const head = await login(e2e.url, 'head');
    const dir = (await api<DirectoryDto>(e2e.url, head, '/api/directory')).body;
    const housing = dir.departments.find((d) => d.code === 'housing_committee')!.id;
    const made = await ingestItems(e2e.url, [
      { externalId: `e2e-decline-${Date.now()}`, kind: 'appeal', channel: 'email', sector: 'housing', text: 'E2E: протекает крыша над квартирой' },
    ]);
    const id = made.results[0]!.id;
    await claimAndRoute(e2e.url, await login(e2e.url, 'operator1'), head, id, housing);
    const executor = await login(e2e.url, 'executor_housing');
    const asked = await mutateItem(e2e.url, executor, head, id, 'extension-request', { days: 20, reason: 'Нужна экспертиза подрядчика' });
    expect(asked.status).toBe(200);

    const [lead, ex] = await Promise.all([e2e.signedIn('sector_lead'), e2e.signedIn('executor_housing')]);
    await Promise.all([lead.goto(`${e2e.url}/items/${id}`), ex.goto(`${e2e.url}/items/${id}`)]);
    await Promise.all([connected(lead), connected(ex)]);
    await ex.getByTestId('extension-request').waitFor();
    // The executor who asked cannot decline, nor ask twice while the request is pending.
    expect(await ex.getByTestId('extension-decline').count()).toBe(0);
    expect(await ex.getByTestId('extension-request-button').count()).toBe(0);

    await lead.getByTestId('extension-decline').click();
    const submit = lead.getByTestId('extension-decline-submit');
    expect(await submit.isDisabled()).toBe(true);
    await lead.getByTestId('extension-decline-reason').fill('Срок реален: подрядчик уже на объекте');
    await submit.click();
    await lead.getByTestId('extension-request').waitFor({ state: 'detached' });

    // Live on the executor's card: the request is gone, the decline and its reason are in the timeline.
    await ex.getByTestId('extension-request').waitFor({ state: 'detached', timeout: 5000 });
    const declined = ex.locator('[data-testid="timeline-entry"][data-kind="item.extension_declined"]');
    await declined.waitFor({ timeout: 5000 });
    expect(await declined.textContent()).toContain('Запрос продления отклонён');
    expect(await declined.textContent()).toContain('Причина: Срок реален: подрядчик уже на объекте');
    await ex.getByTestId('extension-request-button').waitFor({ timeout: 5000 });
  });
});
