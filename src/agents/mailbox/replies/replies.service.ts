import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThanOrEqual, Repository, type FindOptionsWhere } from 'typeorm';
import type { InboundKind } from '../inbound/inbound-message.types';
import { InboundMessageEntity } from '../intake/inbound-message.entity';
import { ReplyNotFoundException } from './reply.exceptions';

/** Filters of the replies list; each optional. */
export interface ReplyFilter {
  kind?: InboundKind;
  intent?: string;
  sequenceId?: string;
  enrollmentId?: string;
  jobId?: string;
  prospectId?: string;
  /** Received at or after. */
  since?: Date;
}

export interface ReplyPage {
  items: InboundMessageEntity[];
  total: number;
  skip: number;
  limit: number;
}

/**
 * What the mailbox received, as the replies API lists it: every message applied (matched or not),
 * newest first; the duplicates of a re-delivery are left out.
 */
@Injectable()
export class RepliesService {
  constructor(
    @InjectRepository(InboundMessageEntity)
    private readonly rows: Repository<InboundMessageEntity>,
  ) {}

  async list(filter: ReplyFilter & { skip: number; limit: number }): Promise<ReplyPage> {
    const where: FindOptionsWhere<InboundMessageEntity> = {
      duplicateOf: IsNull(),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.intent ? { intent: filter.intent } : {}),
      ...(filter.sequenceId ? { sequenceId: filter.sequenceId } : {}),
      ...(filter.enrollmentId ? { enrollmentId: filter.enrollmentId } : {}),
      ...(filter.jobId ? { jobId: filter.jobId } : {}),
      ...(filter.prospectId ? { prospectId: filter.prospectId } : {}),
      ...(filter.since ? { createdAt: MoreThanOrEqual(filter.since) } : {}),
    };
    const [items, total] = await this.rows.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: filter.skip,
      take: filter.limit,
    });
    return { items, total, skip: filter.skip, limit: filter.limit };
  }

  /** One received message (a duplicate too, by its id); 404 for an unknown id. */
  async get(id: string): Promise<InboundMessageEntity> {
    const row = await this.rows.findOneBy({ id });
    if (!row) throw new ReplyNotFoundException(id);
    return row;
  }
}
