import { Browser, Page, chromium } from '@playwright/test';

/**
 * Launches Chromium at `chromiumPath` headless, with no sandbox, no GPU and no background
 * networking (what {@link inChromium} runs); the caller closes it.
 */
export function launchChromium(chromiumPath: string): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Runs `measure` on a new page (1440 x 900) of Chromium at `chromiumPath` (headless, no sandbox,
 * no GPU, no background networking), `initScript` installed before the app's code on every
 * document; closes the browser whatever happens. When `measure` fails, the page is saved to
 * `failureScreenshot` and the error says so.
 */
export async function inChromium<T>(
  options: {
    chromiumPath: string;
    initScript: string;
    failureScreenshot: string;
  },
  measure: (page: Page) => Promise<T>,
): Promise<T> {
  const browser = await launchChromium(options.chromiumPath);
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
  });
  await page.addInitScript(options.initScript);
  try {
    return await measure(page);
  } catch (error) {
    await page.screenshot({ path: options.failureScreenshot, fullPage: true });
    throw new Error(
      `${(error as Error).message}; the page is in ${
        options.failureScreenshot
      }`,
    );
  } finally {
    await browser.close();
  }
}

/**
 * Opens the portal at `baseUrl` and signs in as the guest ('Enter'), then waits until the sign-in
 * page is gone (the choice is remembered for the page's later loads) and the network is idle.
 */
export async function signInAsGuest(
  page: Page,
  baseUrl: string,
): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByRole('button', { name: 'Enter' })
    .waitFor({ state: 'detached', timeout: 60_000 });
  await page.waitForLoadState('networkidle');
}

/** A guest user's token, as the app's guest sign-in gets it (`GET /api/auth/guest/refresh`). */
export async function guestToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(`Guest sign-in answered ${response.status}`);
  }
  const body = (await response.json()) as {
    backstageIdentity: { token: string };
  };
  return body.backstageIdentity.token;
}
