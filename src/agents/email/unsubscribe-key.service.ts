import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { EmailSettingEntity } from './email-setting.entity';

const KEY_SETTING = 'unsubscribe_signing_key';

/**
 * The key that signs unsubscribe tokens: UNSUBSCRIBE_SECRET, or else a random key made once and
 * kept in the database, so links in messages already sent keep working after a restart.
 */
@Injectable()
export class UnsubscribeKeyService {
  private key: Promise<string> | undefined;

  constructor(
    private readonly config: AppConfig,
    @InjectRepository(EmailSettingEntity)
    private readonly settings: Repository<EmailSettingEntity>,
  ) {}

  signingKey(): Promise<string> {
    this.key ??= this.load().catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }

  private async load(): Promise<string> {
    if (this.config.email.unsubscribeSecret) return this.config.email.unsubscribeSecret;
    const stored = await this.settings.findOne({ where: { key: KEY_SETTING } });
    if (stored) return stored.value;
    const value = randomBytes(32).toString('base64url');
    // Another process may make one at the same moment: the first insert wins, both use it.
    await this.settings
      .createQueryBuilder()
      .insert()
      .values({ key: KEY_SETTING, value, createdAt: new Date() })
      .orIgnore()
      .execute();
    const kept = await this.settings.findOneOrFail({ where: { key: KEY_SETTING } });
    return kept.value;
  }
}
