import { runPeriodically } from './periodic-task';

describe('runPeriodically', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs the task at once, then every period, until stopped', () => {
    const task = jest.fn(() => Promise.resolve());
    const stop = runPeriodically(task, 1000);
    expect(task).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(2500);
    expect(task).toHaveBeenCalledTimes(3);
    stop();
    jest.advanceTimersByTime(5000);
    expect(task).toHaveBeenCalledTimes(3);
  });
});
