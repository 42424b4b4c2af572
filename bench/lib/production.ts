/** Imported first by the bench: loads React's production build, as `next start` does (the development build renders ~5× slower). */
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });
