import { Body, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import { ActionLink } from "./parts";
import { body, container, eyebrow, h1, h2, hr, paragraph, small } from "./styles";

export type InstructionsEmailProps = {
  companyName: string;
  /** The person's display name (or alias when they have none). */
  name: string;
  /** The user's enrollment link; it opens the installer page or the app store. */
  link: string;
};

/**
 * "Instructions for installing the security application": the message an
 * administrator sends each user so they connect their devices. The link is
 * both the button and plain text, for clients that strip buttons.
 */
export default function InstructionsEmail({
  companyName = "Northwind Traders",
  name = "Alex Johnson",
  link = "https://roster.example/enroll/cAbC123example",
}: Partial<InstructionsEmailProps>) {
  return (
    <Html lang="en" dir="ltr">
      <Head />
      <Preview>{`Connect your devices to ${companyName}'s security service`}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={eyebrow}>{companyName}</Text>
          <Heading as="h1" style={h1}>
            Install the security application
          </Heading>
          <Text style={paragraph}>Hello {name},</Text>
          <Text style={paragraph}>
            {companyName} protects the computers and phones you use for work. Use the link below to install the security
            application on your devices.
          </Text>
          <ActionLink href={link} label="Connect your device" />

          <Heading as="h2" style={h2}>
            Windows, macOS and Linux
          </Heading>
          <Text style={paragraph}>
            Open the link on the computer, download the installer and run it. The application connects to {companyName}{" "}
            by itself. You can use this message on any number of computers.
          </Text>

          <Heading as="h2" style={h2}>
            Android, iOS and iPadOS
          </Heading>
          <Text style={paragraph}>
            Open the link on the phone or tablet and install the app from the store it takes you to. The app enrolls
            itself when it first starts. This message connects one mobile device only.
          </Text>

          <Hr style={hr} />
          <Text style={small}>
            Link expired or already used on a phone? Ask your {companyName} administrator to send you a new message.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
