import type { Metadata } from "next";
import { BrandedCard } from "@/components/branded-card";

// The page is reached through a secret link: keep it out of search engines and caches.
export const metadata: Metadata = { robots: { index: false, follow: false } };

/** The public enrollment pages: no console chrome, no sign-in. */
export default function EnrollLayout({ children }: { children: React.ReactNode }) {
  return <BrandedCard width="wide">{children}</BrandedCard>;
}
