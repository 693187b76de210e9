import type { MailMessage, Mailer } from '../../src/shared/mailer.ts';

/** An in-memory mailer for HTTP tests that only need to read what was sent (SMTP is tested separately). */
export class RecordingMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
  }
  close(): void {}
  lastTo(to: string): MailMessage | undefined {
    return [...this.sent].reverse().find((m) => m.to === to);
  }
  /** The first absolute link in the last message to an address. */
  linkTo(to: string): string | undefined {
    return this.lastTo(to)?.text.match(/https?:\/\/\S+/)?.[0];
  }
}
