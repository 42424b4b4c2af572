import Link from "next/link";
import { BrandedCard } from "@/components/branded-card";

/** Any other address that leads nowhere. */
export default function NotFound() {
  return (
    <BrandedCard>
      <h1 className="text-xl font-semibold text-ink">This page could not be found</h1>
      <p className="mt-2 text-sm text-slate-600">Check the address, or start from the console.</p>
      <p className="mt-4 text-sm">
        <Link href="/console/users" className="font-medium text-brand-700 underline">Go to the console</Link>
      </p>
    </BrandedCard>
  );
}
