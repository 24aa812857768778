import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createTestApp } from './helpers/create-test-app';

describe('Graceful shutdown (e2e)', () => {
  it('finishes a request in flight, then closes the database', async () => {
    const t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const dataSource = t.app.get(DataSource);

    const body = JSON.stringify({ job_id: 'in-flight', job_type: 't', context_data: { ok: true } });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/context',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      // Half the body now, the rest after shutdown has begun.
      req.write(body.slice(0, 20));
      setTimeout(() => req.end(body.slice(20)), 300);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));

    const closing = t.close();
    const result = await response;
    await closing;

    expect(result.status).toBe(201);
    expect(JSON.parse(result.body)).toMatchObject({
      job_id: 'in-flight',
      context_data: { ok: true },
    });
    expect(dataSource.isInitialized).toBe(false);

    const restarted = await createTestApp({ dir: t.dir });
    const stored = await restarted.app.get(DataSource).query('SELECT job_id FROM contexts');
    expect(stored).toEqual([{ job_id: 'in-flight' }]);
    await restarted.destroy();
  });
});
