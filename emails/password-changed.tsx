import { Body, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import { body, container, eyebrow, h1, hr, paragraph, small } from "./styles";

export type PasswordChangedEmailProps = {
  companyName: string;
  name: string;
  /** How the password changed: by the person in Settings, through a recovery link, or by an administrator. */
  how: "self" | "link" | "administrator";
  /** When, already formatted in UTC (the mail goes out later; it names the moment of the change). */
  when: string;
  /** Whether the administrator asked for a new password at the next sign-in. */
  mustChange: boolean;
};

/** "Your password was changed": sent after every password change, never carrying the password. */
export default function PasswordChangedEmail({
  companyName = "Northwind Traders",
  name = "Alex Johnson",
  how = "self",
  when = "1 December 2026, 14:05 UTC",
  mustChange = false,
}: Partial<PasswordChangedEmailProps>) {
  return (
    <Html lang="en" dir="ltr">
      <Head />
      <Preview>{`Your ${companyName} console password was changed`}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={eyebrow}>{companyName}</Text>
          <Heading as="h1" style={h1}>
            Your password was changed
          </Heading>
          <Text style={paragraph}>Hello {name},</Text>
          <Text style={paragraph}>
            {how === "administrator"
              ? `An administrator of ${companyName} set a new password for your console account on ${when}. Ask them for it; it is never sent by email.`
              : how === "link"
                ? `The password of your ${companyName} console account was reset with a recovery link on ${when}.`
                : `The password of your ${companyName} console account was changed on ${when}.`}
          </Text>
          {mustChange ? <Text style={paragraph}>You will be asked to choose a password of your own when you next sign in.</Text> : null}
          <Text style={paragraph}>Every other signed-in session of your account was signed out.</Text>
          <Hr style={hr} />
          <Text style={small}>Was this not you or your administrator? Contact your {companyName} administrator at once.</Text>
        </Container>
      </Body>
    </Html>
  );
}
