/** Outgoing mail: through a real SMTP server on loopback, to the log without SMTP_URL, and never throwing in the background. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { mailerFor, sendInBackground } from '../../src/features/mail/mailer.js';
import { setLogLevel } from '../../src/log.js';
import { startTestSmtp } from '../support/auth-mail.js';

describe('mail', () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  afterAll(async () => {
    setLogLevel('silent');
    await smtp?.close();
  });

  it('sends plain text in UTF-8 through SMTP, from MAIL_FROM', async () => {
    const config = loadConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'Utblick Arvika <utblick@arvika.example.se>', LOG_LEVEL: 'silent' });
    const mailer = mailerFor(config);
    expect(mailerFor(config)).toBe(mailer);
    await mailer.send({ to: 'karin@arvika.example.se', subject: 'Vänort i Ylöjärvi – årsmöte', text: 'Hej!\n\nÅtta åäö ÅÄÖ, och en lång rad '.padEnd(200, 'x') });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.from).toBe('utblick@arvika.example.se');
    expect(mail!.to).toEqual(['karin@arvika.example.se']);
    expect(mail!.subject).toBe('Vänort i Ylöjärvi – årsmöte');
    expect(mail!.text).toContain('Åtta åäö ÅÄÖ');
    expect(mail!.raw).toMatch(/^From: Utblick Arvika <utblick@arvika\.example\.se>/m);
  });

  it('without SMTP_URL writes the mail to the log instead', async () => {
    const config = loadConfig({ LOG_LEVEL: 'info' });
    setLogLevel('info');
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await mailerFor(config).send({ to: 'a@b.se', subject: 'Ämne', text: 'Länk: http://localhost:3000/admin/aterstall/abc' });
      const line = write.mock.calls.map((c) => String(c[0])).find((l) => l.includes('SMTP_URL is not set'));
      expect(line).toBeDefined();
      expect(JSON.parse(line!)).toMatchObject({ to: 'a@b.se', subject: 'Ämne', text: 'Länk: http://localhost:3000/admin/aterstall/abc' });
    } finally {
      write.mockRestore();
      setLogLevel('silent');
    }
  });

  it('a mail server that cannot be reached is logged, not thrown, when sending in the background', async () => {
    const config = loadConfig({ SMTP_URL: 'smtp://127.0.0.1:9', LOG_LEVEL: 'error' });
    setLogLevel('error');
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await expect(mailerFor(config).send({ to: 'a@b.se', subject: 'x', text: 'y' })).rejects.toThrow();
      await sendInBackground(mailerFor(config), { to: 'a@b.se', subject: 'x', text: 'y' }, { userId: 1 });
      expect(write.mock.calls.some((c) => String(c[0]).includes('mail could not be sent'))).toBe(true);
    } finally {
      write.mockRestore();
      setLogLevel('silent');
    }
  });
});
