import { expect, type Browser, type Page, type Request } from "@playwright/test";
import { signIn } from "./fixtures";

/** True for the POST a server action makes (Next.js marks it with a Next-Action header). */
export function isServerAction(request: Request): boolean {
  return request.method() === "POST" && Boolean(request.headers()["next-action"]);
}

/** Runs `act` (a click that calls a server action) and waits for the action's response. */
export async function runServerAction(page: Page, act: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForResponse((r) => isServerAction(r.request())), act()]);
}

/**
 * Rewrites the arguments of the next server-action calls made from `page`
 * (replacing `from` with `to` in the request body), as an attacker with a
 * proxy would. Returns how many requests were rewritten, so a test can check
 * that its tampering really happened.
 */
export async function tamperWithServerActions(page: Page, from: string, to: string): Promise<{ rewritten: () => number }> {
  let rewritten = 0;
  await page.route(
    () => true,
    async (route) => {
      const request = route.request();
      const body = request.postData();
      if (!isServerAction(request) || body === null || !body.includes(from)) return route.fallback();
      rewritten++;
      await route.continue({ postData: body.split(from).join(to) });
    },
  );
  return { rewritten: () => rewritten };
}

/** A second, independent browser session signed in as someone else. */
export async function signInElsewhere(browser: Browser, baseURL: string | undefined, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  return page;
}
