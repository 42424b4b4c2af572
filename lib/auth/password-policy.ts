import { dictionary } from "@zxcvbn-ts/language-common";
import { AppError } from "@/lib/errors";

/**
 * The password policy (OWASP ASVS 5.0 level 2, V6.2), the same in the browser
 * (explained next to every password field, with a strength meter) and on the
 * server (the check that counts): at least 12 characters, not one of the
 * common passwords breach corpora are full of, and not built on the account's
 * own mailbox name. No composition rules (ASVS forbids them); length and the
 * list do the work.
 */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy-text";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

/**
 * The 49,233 most common passwords of @zxcvbn-ts/language-common (from breach
 * corpora, most common first), lower-cased. A dependency rather than a file of
 * our own: it is maintained, and the strength meter uses the same list.
 */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** What is wrong with a new password for the account with this email, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower) || commonPasswords().has(lower.trim())) return "This password is too common: attackers try it first. Choose another";
  const mailbox = email?.split("@")[0]?.toLowerCase() ?? "";
  // Short mailbox names ("jo") would forbid too much; from three characters on, the name is a guess an attacker makes.
  if (mailbox.length >= 3 && lower.includes(mailbox)) return "Do not use your email's name in your password";
  return null;
}

/** The policy as the server enforces it: a refusal at the form's field, whatever the browser checked. */
export function assertPasswordPolicy(password: string, email: string, field: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw new AppError("BAD_INPUT", { userMessage: "Check the highlighted fields.", fieldErrors: { [field]: [problem] } });
}
