import Link from "next/link";

const sections = [
  { href: "/console/settings", label: "General" },
  { href: "/console/settings/sessions", label: "Sessions" },
  { href: "/console/settings/roles", label: "Roles" },
] as const;

/** The Settings pages' own navigation; the current one is marked for screen readers too. Roles only for those who may manage them. */
export function SettingsNav({ current, showRoles = false }: { current: (typeof sections)[number]["href"]; showRoles?: boolean }) {
  return (
    <nav aria-label="Settings" className="mb-5 flex gap-1 border-b border-slate-200">
      {sections.filter((s) => showRoles || s.href !== "/console/settings/roles").map((s) => (
        <Link
          key={s.href}
          href={s.href}
          aria-current={s.href === current ? "page" : undefined}
          className={s.href === current
            ? "-mb-px border-b-2 border-brand-600 px-4 py-2 text-sm font-medium text-brand-700"
            : "-mb-px border-b-2 border-transparent px-4 py-2 text-sm font-medium text-slate-600 hover:text-slate-900"}
        >
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
