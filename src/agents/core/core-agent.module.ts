import { Module } from '@nestjs/common';
import { CoreAgent } from './core.agent';

@Module({ providers: [CoreAgent] })
export class CoreAgentModule {}
