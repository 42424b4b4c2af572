import { BrandedCard } from "@/components/branded-card";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <BrandedCard>{children}</BrandedCard>;
}
