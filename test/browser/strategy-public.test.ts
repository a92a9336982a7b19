/**
 * User story: a resident opens Arvika's strategy page, reads how far a goal has come, follows the
 * goal to a project that serves it (by keyboard: Tab to the link, Enter), finds the goal listed on
 * the project page and follows it back. The strategy page in Swedish and English, the project page
 * and the goal choices of the back-office project form pass axe (WCAG 2.1 A/AA) at 320 and 1280 px.
 */
import { beforeAll, expect, test } from 'vitest';
import { useAdminBrowserApp } from './admin-support.js';
import { describeInBrowser, expectAccessible, focusedHtml, tabTo } from './support.js';

const NOW = '2026-01-15T10:00:00.000Z';

describeInBrowser('a resident follows a strategy goal to a project', () => {
  const b = useAdminBrowserApp();
  const ids = { strategy: 0, overall: 0, area: 0, activity: 0, project: 0 };
  let projectTitle = '';

  /** Arvika's adopted strategy with a goal tree, an active plan with measures, and a published project linked to a goal. */
  const setUp = async () => {
    const { t } = b;
    const db = t.handle.db;
    const m = t.arvikaId;
    await db.updateTable('strategies').set({ status: 'superseded' }).where('municipality_id', '=', m).execute();
    const strategy = await db
      .insertInto('strategies')
      .values({
        municipality_id: m,
        title_sv: 'Internationell strategi för Arvika kommun',
        title_en: 'International strategy of Arvika Municipality',
        adopted_by: 'Kommunstyrelsen',
        adopted_on: '2012-11-12',
        minute_paragraph: '§ 258',
        vision_sv: 'Arvika – en gränsöverskridande kommun med utblick mot världen.',
        responsibilities_sv: 'Kommunstyrelsen har det övergripande ansvaret för det internationella arbetet.',
        status: 'adopted',
        created_at: NOW,
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.strategy = Number(strategy.id);
    const goal = async (parent: number | null, level: string, title: string, position: number) =>
      Number(
        (
          await db
            .insertInto('strategy_goals')
            .values({ municipality_id: m, strategy_id: ids.strategy, parent_id: parent, position, level_name: level, title_sv: title, created_at: NOW, updated_at: NOW })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    ids.overall = await goal(null, 'Övergripande mål', 'Ökad internationell samverkan', 0);
    ids.area = await goal(ids.overall, 'Målområde', 'Unga i Europa', 0);
    ids.activity = await goal(ids.area, 'Aktivitet', 'Utbyten för gymnasieelever', 0);
    await goal(null, 'Övergripande mål', 'Fler EU-finansierade projekt', 1);
    const plan = Number(
      (
        await db
          .insertInto('action_plans')
          .values({ municipality_id: m, strategy_id: ids.strategy, title_sv: 'Handlingsplan 2024–2027', period_start: '2024-01-01', period_end: '2027-12-31', status: 'active', created_at: NOW, updated_at: NOW })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    for (const [title, progress, goalId] of [
      ['Ungdomsutbyte med Ylöjärvi', 60, ids.activity],
      ['Språkcafé för gymnasieelever från Kongsvinger', 20, ids.activity],
      ['Kartlägga EU-program för unga', 100, ids.area],
    ] as const) {
      const measure = await db
        .insertInto('measures')
        .values({ municipality_id: m, plan_id: plan, title_sv: title, owner_unit_id: t.ownUnit.id, start_date: '2024-01-01', end_date: '2027-12-31', status: progress === 100 ? 'done' : 'ongoing', progress, created_at: NOW, updated_at: NOW })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('measure_goals').values({ measure_id: Number(measure.id), goal_id: goalId }).execute();
    }
    const project = await db.selectFrom('projects').select(['id', 'title_sv']).where('municipality_id', '=', m).where('publication_state', '=', 'published').orderBy('id').limit(1).executeTakeFirstOrThrow();
    ids.project = Number(project.id);
    projectTitle = project.title_sv;
    await db.insertInto('project_goals').values({ project_id: ids.project, goal_id: ids.activity }).execute();
  };
  // Runs after useAdminBrowserApp's own beforeAll (hooks run in the order they are registered).
  beforeAll(setUp, 60_000);

  test('Arvika: read the strategy, Tab to a project under a goal, open it, find the goal and follow it back', async () => {
    const page = await b.pageAs(undefined, { width: 1280 });
    await page.goto('/arvika/strategi');
    await expect(page.locator('h1').textContent()).resolves.toBe('Internationell strategi för Arvika kommun');
    await expect(page.locator('dl.facts').textContent()).resolves.toContain('Antagen av Kommunstyrelsen den 12 november 2012, § 258');
    await expect(page.locator('nav.site-nav a[aria-current="page"]').textContent()).resolves.toBe('Strategi');

    // The goal's progress in words and as a bar with an accessible name: (60 + 20) / 2 = 40 %.
    const goal = page.locator(`#mal-${ids.activity}`);
    await expect(goal.locator('.goal-state strong').first().textContent()).resolves.toBe('40 % genomfört');
    const bar = goal.locator('progress.bar').first();
    await expect(bar.getAttribute('value')).resolves.toBe('40');
    const barName = await bar.evaluate((el) => {
      const ids = (el.getAttribute('aria-labelledby') ?? '').split(' ');
      return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    });
    expect(barName).toContain('Utbyten för gymnasieelever');
    expect(barName).toContain('40 % genomfört');
    await expect(goal.locator('table').first().textContent()).resolves.toContain('Ungdomsutbyte med Ylöjärvi');
    await expectAccessible(page, { lang: 'sv', what: 'the strategy page' });
    await expectAccessible(page, { lang: 'sv', width: 320, what: 'the strategy page' });
    await page.setViewportSize({ width: 1280, height: 800 });

    // By keyboard: Tab from the top of the page to the project under the goal, then Enter.
    const link = `#mal-${ids.activity} a[href="/arvika/projekt/${ids.project}"]`;
    await page.locator('body').focus();
    await tabTo(page, link, { max: 200 });
    expect(await focusedHtml(page)).toContain(projectTitle);
    await Promise.all([page.waitForURL(new RegExp(`/arvika/projekt/${ids.project}$`)), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').textContent()).resolves.toBe(projectTitle);

    // The project page lists the goal back, linking to its anchor on the strategy page.
    const back = page.locator(`a[href="/arvika/strategi#mal-${ids.activity}"]`);
    await expect(back.textContent()).resolves.toBe('Aktivitet: Utbyten för gymnasieelever');
    await expectAccessible(page, { lang: 'sv', what: 'the project page with its goals' });
    await expectAccessible(page, { lang: 'sv', width: 320, what: 'the project page with its goals' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await Promise.all([page.waitForURL(new RegExp(`/arvika/strategi#mal-${ids.activity}$`)), back.click()]);
    await expect(page.locator(`#mal-${ids.activity} h5`).textContent()).resolves.toContain('Utbyten för gymnasieelever');
  }, 120_000);

  test('the English strategy page passes axe too', async () => {
    const page = await b.pageAs(undefined, { width: 1280 });
    await page.goto('/en/arvika/strategi');
    await expect(page.locator('h1').textContent()).resolves.toBe('International strategy of Arvika Municipality');
    await expect(page.locator(`#mal-${ids.activity} .goal-state strong`).first().textContent()).resolves.toBe('40% complete');
    await expectAccessible(page, { lang: 'en', what: 'the English strategy page' });
    await expectAccessible(page, { lang: 'en', width: 320, what: 'the English strategy page' });
  }, 120_000);

  test('the goal choices of the back-office project form pass axe, and Tab reaches them', async () => {
    const page = await b.pageAs(b.t.users.coordinator, { width: 1280 });
    await page.goto(`/admin/arvika/projekt/${ids.project}/redigera`);
    const box = page.locator(`input[name="goals"][value="${ids.activity}"]`);
    await expect(box.isChecked()).resolves.toBe(true);
    await expect(page.locator(`label[for="${await box.getAttribute('id')}"]`).textContent()).resolves.toBe('Aktivitet: Utbyten för gymnasieelever');
    await page.locator('body').focus();
    await tabTo(page, `input[name="goals"][value="${ids.activity}"]`, { max: 400 });
    await page.keyboard.press('Space');
    await expect(box.isChecked()).resolves.toBe(false);
    await expectAccessible(page, { lang: 'sv', what: 'the project form with goal choices' });
    await expectAccessible(page, { lang: 'sv', width: 320, what: 'the project form with goal choices' });
  }, 120_000);
});
