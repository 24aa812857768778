import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import {
  SuppressionExistsException,
  SuppressionNotFoundException,
} from './exceptions/email.exceptions';
import { SuppressionEntity } from './suppression.entity';
import { ImportRowResult, sortImportRows } from './utils/suppression-import.util';
import { parseSuppressionValue, suppressionCandidates } from './utils/suppression.util';

/** What an import did: counts, and each row not added with why. */
export interface SuppressionImport {
  added: number;
  alreadyPresent: number;
  invalid: number;
  skipped: ImportRowResult[];
}

const CHUNK = 500;

export interface SuppressionPage {
  items: SuppressionEntity[];
  total: number;
  skip: number;
  limit: number;
}

/** The suppression list: addresses and whole domains never emailed. */
@Injectable()
export class SuppressionsService {
  constructor(
    @InjectRepository(SuppressionEntity)
    private readonly suppressions: Repository<SuppressionEntity>,
  ) {}

  /** Adds an address or a domain; 400 for anything else, 409 when it is already listed. */
  async add(raw: string, source = 'api'): Promise<SuppressionEntity> {
    const parsed = parseSuppressionValue(raw);
    if (!parsed.ok) throw new BadRequestException(parsed.message);
    const inserted = await this.insert(parsed.value, parsed.kind, source);
    if (!inserted) throw new SuppressionExistsException(parsed.value);
    return inserted;
  }

  /**
   * Adds many values at once (`source` import): each row is parsed like `add`; a row already
   * listed, or repeating an earlier row, is counted `already_present`, an unparsable one
   * `invalid`, each with its reason. Never a 409: the rest is added.
   */
  async importMany(raws: readonly string[], source = 'import'): Promise<SuppressionImport> {
    const { valid, skipped } = sortImportRows(raws);
    const listed = new Set<string>();
    for (let start = 0; start < valid.length; start += CHUNK) {
      const values = valid.slice(start, start + CHUNK).map((entry) => entry.value);
      const rows = await this.suppressions.find({
        select: { value: true },
        where: { value: In(values) },
      });
      for (const row of rows) listed.add(row.value);
    }
    const fresh = valid.filter((entry) => !listed.has(entry.value));
    const createdAt = new Date();
    for (let start = 0; start < fresh.length; start += CHUNK) {
      const rows = fresh
        .slice(start, start + CHUNK)
        .map(({ value, kind }) => ({ value, kind, source, createdAt }));
      // A value added meanwhile by another request is absorbed rather than a unique-key error.
      await this.suppressions.createQueryBuilder().insert().values(rows).orIgnore().execute();
    }
    for (const entry of valid) {
      if (listed.has(entry.value)) {
        const reason = 'already on the suppression list';
        skipped.push({ row: entry.row, value: entry.value, outcome: 'already_present', reason });
      }
    }
    skipped.sort((a, b) => a.row - b.row);
    const invalid = skipped.filter((row) => row.outcome === 'invalid').length;
    return { added: fresh.length, alreadyPresent: skipped.length - invalid, invalid, skipped };
  }

  /** Adds an address a recipient unsubscribed; already listed is fine. */
  async addEmail(email: string, source: string): Promise<void> {
    const parsed = parseSuppressionValue(email);
    if (parsed.ok) await this.insert(parsed.value, parsed.kind, source);
  }

  async list(page: { skip: number; limit: number }): Promise<SuppressionPage> {
    const [items, total] = await this.suppressions.findAndCount({
      order: { createdAt: 'DESC', value: 'ASC' },
      skip: page.skip,
      take: page.limit,
    });
    return { items, total, ...page };
  }

  async remove(raw: string): Promise<void> {
    const value = raw.trim().toLowerCase();
    const result = await this.suppressions.delete({ value });
    if (!result.affected) throw new SuppressionNotFoundException(value);
  }

  /** The listed value that blocks `email` (the address, its domain or a parent domain), or undefined. */
  async matching(email: string): Promise<string | undefined> {
    const candidates = suppressionCandidates(email);
    const found = await this.suppressions.find({ where: { value: In(candidates) } });
    const values = new Set(found.map((row) => row.value));
    return candidates.find((candidate) => values.has(candidate));
  }

  /** For each of `emails` that a listed value blocks, that value (lower-case address as key). */
  async matchingMany(emails: string[]): Promise<Map<string, string>> {
    const candidates = [...new Set(emails.flatMap((email) => suppressionCandidates(email)))];
    const listed = new Set<string>();
    for (let start = 0; start < candidates.length; start += 500) {
      const rows = await this.suppressions.find({
        select: { value: true },
        where: { value: In(candidates.slice(start, start + 500)) },
      });
      for (const row of rows) listed.add(row.value);
    }
    const matches = new Map<string, string>();
    for (const email of emails) {
      const match = suppressionCandidates(email).find((candidate) => listed.has(candidate));
      if (match) matches.set(email.trim().toLowerCase(), match);
    }
    return matches;
  }

  /** Inserts a value unless it is listed; undefined when it already was. */
  private async insert(
    value: string,
    kind: SuppressionEntity['kind'],
    source: string,
  ): Promise<SuppressionEntity | undefined> {
    if (await this.suppressions.existsBy({ value })) return undefined;
    const row = this.suppressions.create({ value, kind, source, createdAt: new Date() });
    // A concurrent add of the same value is absorbed rather than a unique-key error.
    await this.suppressions.createQueryBuilder().insert().values(row).orIgnore().execute();
    return row;
  }
}
