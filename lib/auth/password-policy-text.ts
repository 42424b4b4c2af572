/** The password policy's numbers and its sentence, light enough for every page (the list itself is in ./password-policy.ts). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** The policy in one sentence, shown next to password fields. */
export const PASSWORD_POLICY_TEXT = `At least ${PASSWORD_MIN_LENGTH} characters. Not a common password, and not your email's name. A few unrelated words make a strong one.`;
