/**
 * Outgoing e-mail through SMTP (`SMTP_URL`, `MAIL_FROM`). Without `SMTP_URL` nothing is sent: the
 * mail is written to the log instead, so a development installation can still follow a
 * password-reset link. Plain text only (no HTML mail: nothing to escape, nothing to track).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config/env.js';
import { log } from '../../log.js';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer | Uint8Array;
}

export interface Mail {
  /** One address, or several (one mail to all of them). */
  to: string | string[];
  subject: string;
  text: string;
  /** Files sent with the mail, e.g. a finalised report's Word and PDF documents. */
  attachments?: MailAttachment[];
}

export interface Mailer {
  /** Sends one mail. Rejects when the SMTP server refuses it or cannot be reached. */
  send(mail: Mail): Promise<void>;
}

const mailers = new WeakMap<Config['mail'], Mailer>();

/** The mailer of a configuration, made once per configuration (one SMTP connection pool). */
export function mailerFor(config: Pick<Config, 'mail'>): Mailer {
  let mailer = mailers.get(config.mail);
  if (!mailer) {
    mailer = config.mail.smtpUrl ? smtpMailer(config.mail.smtpUrl, config.mail.from) : logMailer(config.mail.from);
    mailers.set(config.mail, mailer);
  }
  return mailer;
}

function smtpMailer(url: string, from: string): Mailer {
  // Short time-outs: a slow mail server must not pile up work.
  const transport: Transporter = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return {
    async send(mail) {
      const attachments = mail.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) }));
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, attachments });
    },
  };
}

function logMailer(from: string): Mailer {
  return {
    async send(mail) {
      log('info', 'mail not sent: SMTP_URL is not set; the mail follows', { from, to: mail.to, subject: mail.subject, text: mail.text, attachments: mail.attachments?.map((a) => a.filename) });
    },
  };
}

/**
 * Sends a mail without making the caller wait or fail: errors are logged. For mail whose sending
 * must not change the answer a visitor sees (a password reset answers the same either way).
 */
export function sendInBackground(mailer: Mailer, mail: Mail, context: Record<string, unknown> = {}): Promise<void> {
  return mailer.send(mail).catch((e: unknown) => {
    log('error', 'mail could not be sent', { ...context, subject: mail.subject, error: e instanceof Error ? e.message : String(e) });
  });
}
