import Link from "next/link";

type Props = { label: string; first: string | null; prev: string | null; next: string | null; last: string | null };

/** First / Previous / Next / Last links; a missing href renders as a disabled control. */
export function Pagination({ label, first, prev, next, last }: Props) {
  const links = [
    { text: "First", href: first },
    { text: "Previous", href: prev },
    { text: "Next", href: next },
    { text: "Last", href: last },
  ];
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4 py-3 text-sm">
      <p className="text-slate-600">{label}</p>
      <ul className="flex gap-1">
        {links.map((l) => (
          <li key={l.text}>
            {l.href ? (
              <Link href={l.href} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-slate-700 hover:bg-slate-50">
                {l.text}
              </Link>
            ) : (
              <span aria-disabled="true" className="rounded-md border border-slate-200 px-3 py-1.5 text-slate-400">
                {l.text}
              </span>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
