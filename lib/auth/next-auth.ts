import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { unscopedDb } from "@/lib/db/client";
import { clientAddress } from "./client-address";
import { z } from "zod";
import { SESSION_MAX_AGE_SECONDS } from "./sessions";
import { completeSignIn } from "./sign-in";

/** Thrown to Auth.js when sign-in is refused because of too many failures. */
class RateLimitedSignIn extends CredentialsSignin {
  override code = "rate_limited";
}
/** The 2FA code was wrong or used already. */
class WrongCode extends CredentialsSignin {
  override code = "wrong_code";
}
/** The challenge is unknown, used, or past its 5 minutes: start again with the password. */
class ExpiredChallenge extends CredentialsSignin {
  override code = "expired";
}

const credentialsSchema = z.object({ challenge: z.string().min(10).max(100), code: z.string().max(40).optional() });

/**
 * Auth.js with email + password (+ a 2FA code). The password is checked
 * first, outside Auth.js (checkPassword in the sign-in action), and yields a
 * single-use challenge; the Credentials provider only ever takes that
 * challenge (with the code when the user has 2FA), so no password alone
 * reaches a session of a 2FA user. The encrypted session cookie carries only
 * a random session id (`sid`); the Session row behind it is checked on
 * every request (lib/auth/context.ts), so deleting the row ends the session
 * at once. The server reads the id from the cookie (lib/auth/session-token.ts),
 * never from the session JSON, which carries nothing secret.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    // A refused sign-in is an expected outcome (counted by the rate limiter), not a server error.
    error(error) {
      if (error.name === "CredentialsSignin" || error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { challenge: {}, code: {} },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const outcome = await completeSignIn(unscopedDb(), {
          challenge: parsed.data.challenge,
          code: parsed.data.code,
          address: clientAddress(request.headers),
          userAgent: request.headers.get("user-agent") ?? "",
        });
        if (outcome.ok) return { id: outcome.userId, sid: outcome.sid };
        if (outcome.reason === "rate_limited") throw new RateLimitedSignIn();
        if (outcome.reason === "wrong_code") throw new WrongCode();
        throw new ExpiredChallenge();
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sid) token.sid = user.sid;
      return token;
    },
    // What /api/auth/session hands to page scripts: only when it expires. The session id stays in the
    // encrypted httpOnly cookie, which the server decrypts itself (lib/auth/session-token.ts).
    session({ session }) {
      return { expires: session.expires } as typeof session;
    },
  },
});
