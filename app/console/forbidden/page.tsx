import { EmptyState, PageHeader } from "@/components/page-header";

export default function ForbiddenPage() {
  return (
    <>
      <PageHeader title="Not allowed" />
      <EmptyState title="Your role does not allow this page">Ask an administrator of your workspace for access.</EmptyState>
    </>
  );
}
