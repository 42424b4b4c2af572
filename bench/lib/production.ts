/** Imported first by the bench: loads React's production build, as `next start` does (the development build renders ~5× slower). */
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });

// Queued email seals its links with a key derived from AUTH_SECRET; the bench's throw-away databases need only some value.
process.env.AUTH_SECRET ||= "bench-secret-not-for-production";
