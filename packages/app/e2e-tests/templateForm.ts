import { expect, Locator, Page } from '@playwright/test';

/*
 * A template's form at /create, filled in as a person does: pickers are searched and an option
 * the catalog offers is clicked, selects are opened and an option chosen, checkboxes ticked.
 */

/** The text field labelled `name`. */
export const textbox = (page: Page, name: string) =>
  page.getByRole('textbox', { name, exact: true });

/** Signs in as the guest and opens /create from the front door, as a developer does. */
export async function openCreate(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // From the front door: its introduction of the portal's capabilities leads to Create.
  await page
    .getByRole('listitem')
    .filter({ hasText: 'start a new service from a golden template' })
    .getByRole('link', { name: 'Create', exact: true })
    .click();
  await expect(page).toHaveURL(/\/create/);
}

/** Picks the template titled `title` from the list at /create: its form opens. */
export async function chooseTemplate(page: Page, name: string, title: string) {
  await page
    .locator('.MuiCard-root')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) })
    .getByRole('button', { name: 'Choose' })
    .click();
  await expect(page).toHaveURL(new RegExp(`/create/templates/default/${name}`));
  await expect(textbox(page, 'Name')).toBeVisible();
}

/**
 * Picks an entity in an EntityPicker, OwnerPicker or MultiEntityPicker: types part of its
 * title into the picker and clicks the option the catalog offers.
 */
export async function pickEntity(
  picker: Locator,
  search: string,
  option: string | RegExp,
) {
  await picker.click();
  await picker.fill(search);
  await picker.page().getByRole('option', { name: option }).click();
}

/** Opens the select labelled `label` and chooses `option`. */
export async function selectOption(page: Page, label: string, option: string) {
  await page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * The RepoUrlPicker: its host select (github.com first, so chosen already), then its owner and
 * repository fields, typed in as a person does (they only suggest, from the host's API).
 */
export async function fillRepoUrl(
  page: Page,
  repo: { host?: 'github.com' | 'gitlab.com'; owner: string; name: string },
) {
  if (repo.host) {
    await page
      .getByLabel('Host', { exact: true })
      .getByRole('combobox')
      .selectOption(repo.host);
  }
  // On the Delivery page, the only Owner field is the picker's (the OwnerPicker is on Service).
  const owner = textbox(page, 'Owner');
  await owner.fill(repo.owner);
  await owner.press('Tab');
  const name = textbox(page, 'Repository');
  await name.fill(repo.name);
  await name.press('Tab');
}

/** The first page of every template's form ("Service"), then on to the next page. */
export async function fillServicePage(
  page: Page,
  service: {
    name: string;
    description: string;
    owner: { search: string; option: RegExp };
    system?: { search: string; option: RegExp };
    tier: 'critical' | 'standard' | 'internal';
    /** Business processes picked from the catalog, by title (e.g. `Order to Cash`). */
    businessProcesses: string[];
  },
) {
  await textbox(page, 'Name').fill(service.name);
  await textbox(page, 'Description').fill(service.description);
  await pickEntity(
    textbox(page, 'Owner'),
    service.owner.search,
    service.owner.option,
  );
  if (service.system) {
    await pickEntity(
      textbox(page, 'System'),
      service.system.search,
      service.system.option,
    );
  }
  await selectOption(page, 'Criticality tier', service.tier);
  const processes = textbox(page, 'Business processes');
  for (const process of service.businessProcesses) {
    await pickEntity(processes, process, new RegExp(process));
  }
  await processes.press('Escape');
  await page.getByRole('button', { name: 'Next' }).click();
}

/** Sets the Clouds checkboxes to exactly `clouds` (by their labels). */
export async function chooseClouds(page: Page, clouds: string[]) {
  for (const cloud of ['AWS', 'Azure', 'Google Cloud']) {
    await page
      .getByRole('checkbox', { name: cloud, exact: true })
      .setChecked(clouds.includes(cloud));
  }
}
