/**
 * Outgoing email through nodemailer: real SMTP when SMTP_URL is set; otherwise each message is
 * written as an .eml file in DATA_DIR/outbox and a log line points at it (nothing is lost, and a
 * developer can open the confirmation links).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

export interface MailAttachment {
  filename: string;
  content: Buffer | string;
  contentType: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  replyTo?: string;
  attachments?: MailAttachment[];
  /**
   * The outbox delivery key of this message: it becomes the Message-ID, so a message sent again
   * after a crash between sending and recording it is recognised as the same one by mail clients.
   */
  messageKey?: string;
}

/** The Message-ID of a message, stable for one delivery key. */
export function messageIdFor(key: string, from: string): string {
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'open-experience.localhost';
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`;
}

function envelope(from: string, message: MailMessage) {
  const { messageKey, ...rest } = message;
  return { from, ...rest, ...(messageKey ? { messageId: messageIdFor(messageKey, from) } : {}) };
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  smtpUrl?: string | undefined;
  from: string;
  outboxDir: string;
  logger: Pick<FastifyBaseLogger, 'info' | 'error'>;
}

/** An smtp:// URL as nodemailer's options (so that pooling can be added to them). */
function nodemailerUrlOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  return {
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
  };
}

/**
 * Addresses in the reserved `.invalid` domain (RFC 2606) can never receive mail: they stand where a
 * deleted account's address was (shared/account-extensions.ts). An email still due to one — a
 * reminder about an order the person kept — is dropped, not retried until it dies.
 */
function isUndeliverable(to: string): boolean {
  return /\.invalid>?$/i.test(to.trim());
}

export function createMailer(options: MailerOptions): Mailer {
  const mailer = createTransportMailer(options);
  return {
    async send(message) {
      if (isUndeliverable(message.to)) {
        options.logger.info({ subject: message.subject }, 'mail to an erased address dropped');
        return;
      }
      await mailer.send(message);
    },
    close: () => mailer.close(),
  };
}

function createTransportMailer(options: MailerOptions): Mailer {
  if (options.smtpUrl) {
    // Pooled: the outbox sends several emails at once and one after the other; a connection per
    // message would spend most of its time in the SMTP greeting.
    const transport = nodemailer.createTransport({ ...nodemailerUrlOptions(options.smtpUrl), pool: true, maxConnections: 4 });
    return {
      async send(message) {
        await transport.sendMail(envelope(options.from, message));
        // The address is personal data: the log says that a message left, not to whom.
        options.logger.info({ subject: message.subject }, 'mail sent over SMTP');
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await transport.sendMail(envelope(options.from, message));
      await mkdir(options.outboxDir, { recursive: true });
      const file = path.join(options.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`);
      await writeFile(file, info.message as Buffer);
      options.logger.info({ file, subject: message.subject }, 'mail written to the local outbox');
    },
    close: () => transport.close(),
  };
}
