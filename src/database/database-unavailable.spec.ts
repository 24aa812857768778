import { QueryFailedError } from 'typeorm';
import { DatabaseUnavailableException, isDatabaseUnavailable } from './database-unavailable';

/** An error as node-postgres or Node's sockets make one: a message and maybe a code. */
const failure = (message: string, code?: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'the server refusing connections',
      failure('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
    ],
    ['a connection reset', failure('read ECONNRESET', 'ECONNRESET')],
    ['an unreachable host', failure('connect EHOSTUNREACH 10.0.0.9:5432', 'EHOSTUNREACH')],
    [
      'a fast shutdown (57P01 admin_shutdown)',
      failure('terminating connection due to administrator command', '57P01'),
    ],
    ['a crash of another backend (57P02)', failure('terminating connection', '57P02')],
    [
      'a server starting up (57P03 cannot_connect_now)',
      failure('the database system is starting up', '57P03'),
    ],
    ['a lost connection (08006)', failure('connection failure', '08006')],
    ['no connection (08003)', failure('connection does not exist', '08003')],
    ['a connection exception (08000)', failure('connection exception', '08000')],
    ['no connection slot left (53300)', failure('sorry, too many clients already', '53300')],
    ["the pool's connect timeout", failure('timeout exceeded when trying to connect')],
    ['a connection cut mid-query', failure('Connection terminated unexpectedly')],
    ["the client's connect timeout", failure('Connection terminated due to connection timeout')],
    [
      'a client used after its connection ended',
      failure('Client has encountered a connection error and is not queryable'),
    ],
  ])('recognises %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('looks into what TypeORM, a cause or an AggregateError wraps', () => {
    const refused = failure('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED');
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], refused))).toBe(true);
    expect(isDatabaseUnavailable(new Error('query failed', { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused], 'all attempts failed'))).toBe(true);
  });

  it.each([
    ['a unique violation', failure('duplicate key value violates unique constraint', '23505')],
    ['a NUL in text (22021)', failure('invalid byte sequence for encoding "UTF8": 0x00', '22021')],
    ['a value too long (22001)', failure('value too long for type character varying(64)', '22001')],
    [
      'a statement timeout (57014)',
      failure('canceling statement due to statement timeout', '57014'),
    ],
    ['a syntax error', failure('syntax error at or near "SELEC"', '42601')],
    [
      'a SQLite constraint',
      failure('UNIQUE constraint failed: contexts.job_id', 'SQLITE_CONSTRAINT'),
    ],
    ['a plain error', new Error('boom')],
    ['a non-error', 'text'],
    ['nothing', undefined],
  ])('does not take %s for an unavailable database', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('DatabaseUnavailableException', () => {
  it('is a coded 503 that says to try again', () => {
    const exception = new DatabaseUnavailableException();
    expect(exception.getStatus()).toBe(503);
    expect(exception.code).toBe('database_unavailable');
    expect(exception.message).toBe('The database is unavailable; try again shortly');
  });
});
