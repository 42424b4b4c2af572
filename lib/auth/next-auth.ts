import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { unscopedDb } from "@/lib/db/client";
import { clientAddress } from "./client-address";
import { cookieFromHeader, DEVICE_COOKIE } from "./device-cookie";
import { signInSchema } from "./schema";
import { SESSION_MAX_AGE_SECONDS } from "./sessions";
import { signInWithPassword } from "./sign-in";

/** Thrown to Auth.js when sign-in is refused because of too many failures. */
class RateLimitedSignIn extends CredentialsSignin {
  override code = "rate_limited";
}

/**
 * Auth.js with email + password. The encrypted session cookie carries only a
 * random session id (`sid`); the Session row behind it is checked on every
 * request (lib/auth/context.ts), so deleting the row ends the session at once.
 * The server reads the id from the cookie (lib/auth/session-token.ts), never
 * from the session JSON, which carries nothing secret.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    // A refused sign-in is an expected outcome (counted by the rate limiter), not a server error.
    error(error) {
      if (error.name === "CredentialsSignin" || error.name === "RateLimitedSignIn") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const outcome = await signInWithPassword(unscopedDb(), {
          ...parsed.data,
          address: clientAddress(request.headers),
          userAgent: request.headers.get("user-agent") ?? "",
          // Server-side signIn() passes the browser's request headers through, cookies included.
          deviceCookie: cookieFromHeader(request.headers.get("cookie"), DEVICE_COOKIE),
        });
        if (outcome.ok) return { id: outcome.userId, sid: outcome.sid };
        if (outcome.reason === "rate_limited") throw new RateLimitedSignIn();
        return null;
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
