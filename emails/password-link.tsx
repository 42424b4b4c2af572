import { Body, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import { ActionLink } from "./parts";
import { body, container, eyebrow, h1, hr, paragraph, small } from "./styles";

export type PasswordLinkEmailProps = {
  companyName: string;
  name: string;
  /** "activation": the account has no password yet; "recovery": the person (or an administrator) asked to reset it. */
  purpose: "activation" | "recovery";
  /** The single-use link to the set-password page. */
  link: string;
  /** How long the link works, as people read it ("1 hour", "24 hours"). */
  validFor: string;
  /** Who asked: the person themselves (Forgot password?) or an administrator. */
  requestedBy: "self" | "administrator";
};

/**
 * "Set your password" / "Reset your password": carries a single-use link to
 * the set-password page. The link is both the button and plain text, for
 * clients that strip buttons.
 */
export default function PasswordLinkEmail({
  companyName = "Northwind Traders",
  name = "Alex Johnson",
  purpose = "recovery",
  link = "https://roster.example/set-password/cAbC123example",
  validFor = "1 hour",
  requestedBy = "self",
}: Partial<PasswordLinkEmailProps>) {
  const activation = purpose === "activation";
  const title = activation ? "Set your password" : "Reset your password";
  return (
    <Html lang="en" dir="ltr">
      <Head />
      <Preview>{activation ? `Choose a password for the ${companyName} security console` : `A link to reset your ${companyName} console password`}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={eyebrow}>{companyName}</Text>
          <Heading as="h1" style={h1}>
            {title}
          </Heading>
          <Text style={paragraph}>Hello {name},</Text>
          <Text style={paragraph}>
            {activation
              ? `An administrator of ${companyName} gave you access to the security console. Choose your password to sign in.`
              : requestedBy === "administrator"
                ? `An administrator of ${companyName} sent you this link to reset your console password.`
                : `Someone, probably you, asked to reset the password of your ${companyName} console account.`}
          </Text>
          <ActionLink href={link} label={activation ? "Set password" : "Reset password"} />
          <Text style={paragraph}>The link works once, for {validFor}.</Text>
          <Hr style={hr} />
          <Text style={small}>
            {activation
              ? `Not expecting this? You can ignore this message; no password is set until the link is used.`
              : `Did not ask for this? Ignore this message: your password stays as it is. Signing in still needs your second factor if you use one.`}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
