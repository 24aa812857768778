import type { FactoryProvider } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { AppConfig } from '../../config/app-config';
import type { OutgoingMail } from './utils/outgoing-message.util';

/** What a transport answers for a message it handed to the SMTP server. */
export interface MailDelivery {
  messageId?: string;
  accepted: unknown[];
  rejected: unknown[];
  response?: string;
}

/** The part of a nodemailer transporter Zigral uses. */
export interface MailTransport {
  sendMail(mail: OutgoingMail): Promise<MailDelivery>;
  close(): void;
}

/**
 * Injection token of the SMTP transport (`null` when SMTP_URL is unset). Tests point SMTP_URL at
 * a local server, or swap the provider with `overrideProvider(MAIL_TRANSPORT)`.
 */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** Time limits of one SMTP conversation; nodemailer's defaults wait minutes. */
const CONNECTION_TIMEOUT_MS = 15_000;
const SOCKET_TIMEOUT_MS = 60_000;

export const mailTransportProvider: FactoryProvider<MailTransport | null> = {
  provide: MAIL_TRANSPORT,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => {
    const { smtpUrl } = config.email;
    if (!smtpUrl) return null;
    // The URL carries host, port, credentials and options (e.g. `?ignoreTLS=true` for a plain
    // local server); nodemailer's own logger stays off, so the password is never logged.
    return createTransport({
      url: smtpUrl,
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      greetingTimeout: CONNECTION_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
      logger: false,
    }) as unknown as MailTransport;
  },
};
