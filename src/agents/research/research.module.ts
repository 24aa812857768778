import { Module } from '@nestjs/common';
import { LlmModule } from '../../orchestrator/llm/llm.module';
import { ProspectsAgentModule } from '../prospects/prospects.module';
import { CompanyResearchService } from './company-research.service';
import { FitScoringService } from './fit-scoring.service';
import { ResearchAgent } from './research.agent';
import { SetScoringService } from './set-scoring.service';
import { HostResolver, WebsiteFetcher } from './website-fetcher.service';

/** The `research` agent: fit scoring and company research, kept through the prospects module. */
@Module({
  imports: [LlmModule, ProspectsAgentModule],
  providers: [
    ResearchAgent,
    FitScoringService,
    SetScoringService,
    CompanyResearchService,
    WebsiteFetcher,
    HostResolver,
  ],
})
export class ResearchAgentModule {}
