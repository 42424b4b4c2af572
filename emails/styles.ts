/** The look every Roster email shares (inline styles: mail clients ignore style sheets). */
export const body = { backgroundColor: "#f4f5f7", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" };
export const container = { backgroundColor: "#ffffff", borderRadius: "8px", margin: "0 auto", maxWidth: "560px", padding: "32px" };
export const eyebrow = { color: "#475569", fontSize: "14px", fontWeight: 600, margin: "0 0 8px" };
export const h1 = { color: "#0f172a", fontSize: "24px", lineHeight: "32px", margin: "0 0 16px" };
export const h2 = { color: "#0f172a", fontSize: "17px", lineHeight: "24px", margin: "24px 0 4px" };
export const paragraph = { color: "#1e293b", fontSize: "15px", lineHeight: "24px", margin: "0 0 12px" };
export const buttonRow = { margin: "8px 0 16px" };
export const button = { backgroundColor: "#1d4ed8", borderRadius: "6px", color: "#ffffff", fontSize: "16px", fontWeight: 600, padding: "12px 20px", textDecoration: "none" };
export const small = { color: "#475569", fontSize: "13px", lineHeight: "20px", margin: "0 0 4px" };
export const linkText = { fontSize: "13px", lineHeight: "20px", margin: "0 0 8px", wordBreak: "break-all" as const };
export const linkStyle = { color: "#1d4ed8" };
export const hr = { borderColor: "#e2e8f0", margin: "24px 0 16px" };
