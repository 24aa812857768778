import type { ProspectsService } from '../prospects/prospects.service';
import type { OutboxMessageEntity } from './outbox-message.entity';
import type { OutboxService } from './outbox.service';
import { OutboxViewService } from './outbox-view.service';
import type { SuppressionsService } from './suppressions.service';

const row = (id: string, prospectId: string, to: string): OutboxMessageEntity =>
  ({
    id,
    jobId: 'j',
    stepKey: 'j:1',
    prospectId,
    to,
    name: null,
    subject: `Subject ${id}`,
    body: `Body ${id}`,
    status: 'sent',
    reason: null,
    sendKey: 'k',
    messageId: '<m@x>',
    createdAt: new Date(),
    updatedAt: new Date(),
    sentAt: new Date('2026-12-03T10:00:00Z'),
  }) as OutboxMessageEntity;

describe('OutboxViewService', () => {
  it("answers the messages still in the outbox, and checks prospects' and messages' addresses", async () => {
    const stored = new Map([['m1', row('m1', 'p1', 'ana@new.example')]]);
    const outbox = { findByIds: jest.fn(async () => stored) };
    const suppressions = {
      matchingMany: jest.fn(async () => new Map([['ana@new.example', 'new.example']])),
    };
    const prospects = { optOutFlags: jest.fn(async () => new Map([['p2', true]])) };
    const service = new OutboxViewService(
      outbox as unknown as OutboxService,
      suppressions as unknown as SuppressionsService,
      prospects as unknown as ProspectsService,
    );

    const view = await service.current({
      messageIds: ['m1', 'deleted', 'm1'],
      prospects: [
        { id: 'p1', email: 'ana@old.example' },
        { id: 'p2', email: 'bo@beta.example' },
      ],
    });

    expect(outbox.findByIds).toHaveBeenCalledWith(['m1', 'deleted']);
    expect([...view.messages.keys()]).toEqual(['m1']);
    expect(view.messages.get('m1')).toEqual({
      id: 'm1',
      prospectId: 'p1',
      to: 'ana@new.example',
      subject: 'Subject m1',
      body: 'Body m1',
      status: 'sent',
      reason: null,
      sentAt: new Date('2026-12-03T10:00:00Z'),
    });
    expect(suppressions.matchingMany).toHaveBeenCalledWith([
      'ana@old.example',
      'ana@new.example',
      'bo@beta.example',
    ]);
    expect(prospects.optOutFlags).toHaveBeenCalledWith(['p1', 'p2']);
    expect(Object.fromEntries(view.doNotEmail)).toEqual({
      p1: 'suppressed (new.example)',
      p2: 'opted out',
    });
  });
});
