import { createUser } from "../factories";
import { runServerAction } from "./support/actions";
import { e2eDb, expect, test } from "./support/fixtures";

test("users: unsaved User Info edits are not dropped silently when switching tabs or leaving the page", async ({ adminPage: page, workspace }) => {
  const gale = await createUser(e2eDb(), workspace.workspace.id, { roleId: workspace.roles.user, displayName: "Gale Before", email: "gale@unsaved.example" });
  await page.goto(`/console/users/${gale.id}`);
  const name = page.getByLabel("Name", { exact: true });
  const tokensTab = page.getByRole("tab", { name: "User Tokens" });
  const dialog = page.getByRole("dialog", { name: "Discard unsaved changes?" });

  // Untouched: the tab opens at once.
  await tokensTab.click();
  await expect(page).toHaveURL(/tab=tokens/);
  await page.getByRole("tab", { name: "User Info" }).click();
  await expect(name).toHaveValue("Gale Before");

  // Edited: switching tabs asks; Cancel keeps the edit on the page.
  await name.fill("Gale Edited");
  await tokensTab.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page).not.toHaveURL(/tab=tokens/);
  await expect(name).toHaveValue("Gale Edited");

  // Other links out of the page ask too; Escape is Cancel.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Users" }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(name).toHaveValue("Gale Edited");

  // Closing or reloading the tab gets the browser's warning.
  let warned = "";
  page.once("dialog", async (d) => {
    warned = d.type();
    await d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => warned).toBe("beforeunload");
  expect(page.isClosed()).toBe(false);

  // Typing the saved value back makes the form clean again.
  await name.fill("Gale Before");
  await tokensTab.click();
  await expect(page).toHaveURL(/tab=tokens/);
  await expect(dialog).toHaveCount(0);

  // Discard leaves, and nothing was saved.
  await page.getByRole("tab", { name: "User Info" }).click();
  await name.fill("Gale Dropped");
  await tokensTab.click();
  await dialog.getByRole("button", { name: "Discard changes" }).click();
  await expect(page).toHaveURL(/tab=tokens/);
  expect((await e2eDb().user.findUniqueOrThrow({ where: { id: gale.id } })).displayName).toBe("Gale Before");

  // Saved edits leave without asking.
  await page.getByRole("tab", { name: "User Info" }).click();
  await name.fill("Gale Saved");
  await runServerAction(page, () => page.getByRole("button", { name: "Save changes" }).click());
  await expect(page.getByText("Changes saved.")).toBeVisible();
  await tokensTab.click();
  await expect(page).toHaveURL(/tab=tokens/);
  expect((await e2eDb().user.findUniqueOrThrow({ where: { id: gale.id } })).displayName).toBe("Gale Saved");
});
