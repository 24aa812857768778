import { InProcessSendPacer } from './send-pacer';

describe('InProcessSendPacer', () => {
  afterEach(() => jest.restoreAllMocks());

  it('gives senders at once slots a pacing apart, and the next one at once after a pause', async () => {
    let now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const pacer = new InProcessSendPacer();
    const waits = await Promise.all([
      pacer.reserveSlot(200),
      pacer.reserveSlot(200),
      pacer.reserveSlot(200),
    ]);
    expect(waits).toEqual([0, 200, 400]);
    now += 150;
    expect(await pacer.reserveSlot(200)).toBe(450);
    now += 10_000;
    expect(await pacer.reserveSlot(200)).toBe(0);
  });
});
