import { CreateContexts1764000000000 } from './1764000000000-create-contexts';
import { CreateLlmUsage1764100000000 } from './1764100000000-create-llm-usage';
import { CreateJobs1764200000000 } from './1764200000000-create-jobs';
import { CreateProspects1764300000000 } from './1764300000000-create-prospects';
import { CreateEmail1764400000000 } from './1764400000000-create-email';
import { CreateExports1764500000000 } from './1764500000000-create-exports';
import { ProspectSearchIndexes1764600000000 } from './1764600000000-prospect-search-indexes';
import { ProspectFreeTextSearch1764700000000 } from './1764700000000-prospect-free-text-search';
import { ProspectDepartmentCountryIndex1764800000000 } from './1764800000000-prospect-department-country-index';
import { ExportFilesRemovedAt1764900000000 } from './1764900000000-export-files-removed-at';
import { JobWaitsAndClients1765000000000 } from './1765000000000-job-waits-and-clients';
import { CompanyIndustryFamily1765100000000 } from './1765100000000-company-industry-family';
import { ProspectSampleFlag1765200000000 } from './1765200000000-prospect-sample-flag';
import { ProspectResearch1765300000000 } from './1765300000000-prospect-research';
import { ProspectLastContacted1765400000000 } from './1765400000000-prospect-last-contacted';
import { PlanPreviews1765500000000 } from './1765500000000-plan-previews';
import { SharedLimits1765610000000 } from './1765610000000-shared-limits';
import { Sequences1765700000000 } from './1765700000000-sequences';
import { OutboxTouches1765800000000 } from './1765800000000-outbox-touches';
import { SequenceRuns1765900000000 } from './1765900000000-sequence-runs';
import { MailboxStates1766000000000 } from './1766000000000-mailbox-states';
import { InboundMessages1766100000000 } from './1766100000000-inbound-messages';
import { ApproversAndCommands1766200000000 } from './1766200000000-approvers-and-commands';
import { ProspectImports1766400000000 } from './1766400000000-prospect-imports';
import { ProspectSets1766500000000 } from './1766500000000-prospect-sets';
import { ProspectTitleTrigrams1766600000000 } from './1766600000000-prospect-title-trigrams';
import { ProspectFilterOrderIndexes1766700000000 } from './1766700000000-prospect-filter-order-indexes';
import { ProspectTagStatistics1766800000000 } from './1766800000000-prospect-tag-statistics';
import { ProspectWalkColumns1766900000000 } from './1766900000000-prospect-walk-columns';
import { CompanyIndustrySizeIndex1767000000000 } from './1767000000000-company-industry-size-index';
import { ProspectTags1767100000000 } from './1767100000000-prospect-tags';
import { ProspectDepartmentIndexes1767200000000 } from './1767200000000-prospect-department-indexes';

/** Every migration, oldest first. A new migration is added here. */
export const migrations = [
  CreateContexts1764000000000,
  CreateLlmUsage1764100000000,
  CreateJobs1764200000000,
  CreateProspects1764300000000,
  CreateEmail1764400000000,
  CreateExports1764500000000,
  ProspectSearchIndexes1764600000000,
  ProspectFreeTextSearch1764700000000,
  ProspectDepartmentCountryIndex1764800000000,
  ExportFilesRemovedAt1764900000000,
  JobWaitsAndClients1765000000000,
  CompanyIndustryFamily1765100000000,
  ProspectSampleFlag1765200000000,
  ProspectResearch1765300000000,
  ProspectLastContacted1765400000000,
  PlanPreviews1765500000000,
  SharedLimits1765610000000,
  Sequences1765700000000,
  OutboxTouches1765800000000,
  SequenceRuns1765900000000,
  MailboxStates1766000000000,
  InboundMessages1766100000000,
  ApproversAndCommands1766200000000,
  ProspectImports1766400000000,
  ProspectSets1766500000000,
  ProspectTitleTrigrams1766600000000,
  ProspectFilterOrderIndexes1766700000000,
  ProspectTagStatistics1766800000000,
  ProspectWalkColumns1766900000000,
  CompanyIndustrySizeIndex1767000000000,
  ProspectTags1767100000000,
  ProspectDepartmentIndexes1767200000000,
];
