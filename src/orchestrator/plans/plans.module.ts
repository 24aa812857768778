import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailAgentModule } from '../../agents/email/email.module';
import { ProspectsAgentModule } from '../../agents/prospects/prospects.module';
import { AgentRegistryModule } from '../agents/agent-registry.module';
import { PlanAudienceService } from './plan-audience.service';
import { PlanPreviewEntity } from './plan-preview.entity';
import { PlanPreviewsService } from './plan-previews.service';

/**
 * Plan previews: their table (`plan_previews`, written only by PlanPreviewsService) and the
 * audience of a plan, read from the prospects and email modules through their services. The
 * orchestrator's PlanPreviewService and PlansController (they plan and submit jobs) use them.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([PlanPreviewEntity]),
    AgentRegistryModule,
    ProspectsAgentModule,
    EmailAgentModule,
  ],
  providers: [PlanPreviewsService, PlanAudienceService],
  exports: [PlanPreviewsService, PlanAudienceService],
})
export class PlansModule {}
