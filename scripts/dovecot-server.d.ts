import type { ChildProcess } from 'node:child_process';

/** Types of scripts/dovecot-server.js, for test/helpers/dovecot.ts. */
export function ensureDovecotInstalled(): void;
export function writeDovecotConfig(input: {
  dir: string;
  port: number;
  users: { user: string; password: string }[];
  withoutIdle?: boolean;
}): string;
export function launchDovecot(input: {
  dir: string;
  port: number;
  onSpawn?: (child: ChildProcess) => void;
}): Promise<ChildProcess>;
export function stopDovecot(child: ChildProcess | undefined, dir?: string): Promise<void>;
export function dovecotLog(dir: string): string;
export function greetsReady(port: number): Promise<boolean>;
