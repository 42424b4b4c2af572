import { z } from "zod";
import type { OsFamily } from "@/lib/db/generated/postgresql/enums.ts";

/**
 * A profile's settings, one document per OS family. Every field is optional:
 * a field a profile leaves unset is not decided by that profile, so another
 * profile (or the agent's default) decides it.
 */
export const containmentModes = ["off", "audit", "enforce"] as const;
export const webFilteringModes = ["off", "monitor", "block"] as const;

export const desktopSettingsSchema = z.strictObject({
  antivirus: z.boolean().optional(),
  firewall: z.boolean().optional(),
  containmentMode: z.enum(containmentModes).optional(),
  webFiltering: z.enum(webFilteringModes).optional(),
  diskEncryptionRequired: z.boolean().optional(),
});

export const PASSWORD_MIN = 4;
export const PASSWORD_MAX = 64;

export const mobileSettingsSchema = z.strictObject({
  screenLock: z.boolean().optional(),
  passwordMinLength: z.int(`Enter a whole number from ${PASSWORD_MIN} to ${PASSWORD_MAX}.`).min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`).max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`).optional(),
  webFiltering: z.enum(webFilteringModes).optional(),
  diskEncryptionRequired: z.boolean().optional(),
});

export type DesktopSettings = z.infer<typeof desktopSettingsSchema>;
export type MobileSettings = z.infer<typeof mobileSettingsSchema>;
export type ProfileSettings = DesktopSettings & MobileSettings;
export type SettingKey = keyof ProfileSettings;

/**
 * The OS families a profile is written for. iOS and iPadOS share one
 * family (an "iOS" profile applies to iPhones and iPads alike).
 */
export const profileOsValues = ["WINDOWS", "MACOS", "LINUX", "ANDROID", "IOS"] as const satisfies readonly OsFamily[];
export type ProfileOs = (typeof profileOsValues)[number];
export const profileOsLabels: Record<ProfileOs, string> = { WINDOWS: "Windows", MACOS: "macOS", LINUX: "Linux", ANDROID: "Android", IOS: "iOS/iPadOS" };

/** The profile family that governs a device of this OS. */
export function profileOsOf(device: OsFamily): ProfileOs {
  return device === "IPADOS" ? "IOS" : device;
}

export function isMobile(os: OsFamily): boolean {
  return os === "ANDROID" || os === "IOS" || os === "IPADOS";
}

/** The settings schema for an OS family. */
export function settingsSchemaFor(os: OsFamily) {
  return isMobile(os) ? mobileSettingsSchema : desktopSettingsSchema;
}

type FieldSpec =
  | { key: SettingKey; label: string; kind: "toggle"; on: string; off: string }
  | { key: SettingKey; label: string; kind: "choice"; options: readonly string[] }
  | { key: SettingKey; label: string; kind: "number"; hint: string };

const desktopFields: readonly FieldSpec[] = [
  { key: "antivirus", label: "Antivirus", kind: "toggle", on: "On", off: "Off" },
  { key: "firewall", label: "Firewall", kind: "toggle", on: "On", off: "Off" },
  { key: "containmentMode", label: "Containment mode", kind: "choice", options: containmentModes },
  { key: "webFiltering", label: "Web filtering", kind: "choice", options: webFilteringModes },
  { key: "diskEncryptionRequired", label: "Disk encryption", kind: "toggle", on: "Required", off: "Not required" },
];
const mobileFields: readonly FieldSpec[] = [
  { key: "screenLock", label: "Screen lock", kind: "toggle", on: "Required", off: "Not required" },
  { key: "passwordMinLength", label: "Password minimum length", kind: "number", hint: `Characters, from ${PASSWORD_MIN} to ${PASSWORD_MAX}.` },
  { key: "webFiltering", label: "Web filtering", kind: "choice", options: webFilteringModes },
  { key: "diskEncryptionRequired", label: "Disk encryption", kind: "toggle", on: "Required", off: "Not required" },
];

/** The settings an OS family's profile has, in the order the editor shows them. */
export function settingFields(os: OsFamily): readonly FieldSpec[] {
  return isMobile(os) ? mobileFields : desktopFields;
}

const choiceLabels: Record<string, string> = { off: "Off", audit: "Audit only", enforce: "Enforce", monitor: "Monitor", block: "Block" };

/** How a setting's value reads in the console. */
export function settingValueLabel(key: SettingKey, value: unknown): string {
  const field = [...desktopFields, ...mobileFields].find((f) => f.key === key);
  if (!field) return String(value);
  if (field.kind === "toggle") return value ? field.on : field.off;
  if (field.kind === "choice") return choiceLabels[String(value)] ?? String(value);
  return `${String(value)} characters`;
}

export function settingLabel(key: SettingKey): string {
  return [...desktopFields, ...mobileFields].find((f) => f.key === key)?.label ?? key;
}

/** Reads a stored settings document; a document this code cannot read counts as deciding nothing. */
export function parseStoredSettings(os: OsFamily, stored: string): ProfileSettings {
  try {
    const parsed = settingsSchemaFor(os).safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

const NAME_MAX = 100;
const profileName = z.string().trim().min(1, "Enter a name.").max(NAME_MAX, `Use at most ${NAME_MAX} characters.`);
const id = z.string().min(1).max(40);

/** New profile: a name and its OS family (settings are edited afterwards). */
export const createProfileSchema = z.object({ name: profileName, osFamily: z.enum(profileOsValues, "Choose an operating system.") });

/**
 * The editor's form: the name and each setting as the form sends it ("" =
 * not set). Which settings are allowed depends on the profile's OS, so the
 * settings are checked by `settingsFromForm` against the OS schema, with each
 * problem at its field.
 */
export const updateProfileSchema = z.object({
  profileId: id,
  name: profileName,
}).catchall(z.string().max(20));

export const profileIdSchema = z.object({ profileId: id });
export const duplicateProfileSchema = z.object({ profileId: id, name: profileName });
export const assignProfileSchema = z.object({
  profileId: id,
  target: z.enum(["user", "group"]),
  targetId: id,
});

/** Turns the editor's string fields into the OS's settings document, or per-field messages. */
export function settingsFromForm(os: OsFamily, form: Record<string, unknown>): { ok: true; settings: ProfileSettings } | { ok: false; fieldErrors: Record<string, string[]> } {
  const raw: Record<string, unknown> = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const field of settingFields(os)) {
    const text = typeof form[field.key] === "string" ? (form[field.key] as string).trim() : "";
    if (text === "") continue;
    if (field.kind === "toggle") {
      if (text === "on") raw[field.key] = true;
      else if (text === "off") raw[field.key] = false;
      else fieldErrors[field.key] = ["Choose a value from the list."];
    } else if (field.kind === "choice") {
      raw[field.key] = text;
    } else {
      raw[field.key] = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    }
  }
  const parsed = settingsSchemaFor(os).safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "_form");
      const message = issue.code === "invalid_type" && key === "passwordMinLength" ? `Enter a whole number from ${PASSWORD_MIN} to ${PASSWORD_MAX}.` : issue.code === "invalid_value" ? "Choose a value from the list." : issue.message;
      (fieldErrors[key] ??= []).push(message);
    }
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, settings: parsed.success ? parsed.data : {} };
}
