import { Button, Link, Section, Text } from "@react-email/components";
import { button, buttonRow, linkStyle, linkText, small } from "./styles";

/** The message's one action: a button, and the same link as text for clients that strip buttons. */
export function ActionLink({ href, label }: { href: string; label: string }) {
  return (
    <>
      <Section style={buttonRow}>
        <Button href={href} style={button}>
          {label}
        </Button>
      </Section>
      <Text style={small}>If the button does not work, copy this link into your browser:</Text>
      <Text style={linkText}>
        <Link href={href} style={linkStyle}>
          {href}
        </Link>
      </Text>
    </>
  );
}
