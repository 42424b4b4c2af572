import Link from "next/link";

/** "Users / Add users": the way back up from a page below a section; the link is underlined, so it reads as one without hover. */
export function Breadcrumb({ parent, current }: { parent: { href: string; label: string }; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <Link href={parent.href} className="text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700">{parent.label}</Link>
      <span aria-hidden="true" className="mx-1 text-slate-400">/</span>
      <span className="wrap-anywhere text-slate-600">{current}</span>
    </nav>
  );
}
