import { Injectable } from '@nestjs/common';
import { EmailDraftingService } from '../../email/email-drafting.service';
import { draftFacts } from '../../email/utils/draft-cleaning.util';
import type { Offer, Sender } from '../../email/utils/draft-inputs.util';
import { type DraftText, templateFields } from '../../email/utils/draft-templates.util';
import type { ProspectInState } from '../../prospects/prospect.types';
import type { EmailStep } from '../sequence.types';
import { fillTemplateVariables } from '../utils/template-variables.util';

/** What a touch is written from, besides its step. */
export interface TouchInputs {
  sender: Sender;
  offer: Offer;
  /** The job the writing (and its LLM usage) counts against. */
  jobId: string;
  signal: AbortSignal;
}

/**
 * Writes the subject and body of an email step for each prospect: a template's variables filled
 * with the values the email drafting fills (templateFields, from cleaned prospect data), or, for
 * `draft: 'llm'`, the email drafting's own writing (the LLM, the offline templates without a key).
 */
@Injectable()
export class TouchComposer {
  constructor(private readonly drafting: EmailDraftingService) {}

  /** `followUp`: the touch's number among the follow-ups (1 for the first), none for touch 0. */
  async compose(
    step: EmailStep,
    prospects: ProspectInState[],
    inputs: TouchInputs,
    followUp?: number,
  ): Promise<Map<string, DraftText>> {
    if ('draft' in step) {
      return this.drafting.compose({
        followUp,
        prospects,
        companies: undefined,
        sender: inputs.sender,
        offer: inputs.offer,
        tone: 'friendly',
        instructions: step.instructions,
        jobId: inputs.jobId,
        signal: inputs.signal,
      });
    }
    return new Map(
      prospects.map((prospect) => {
        const fields = templateFields({
          prospect: draftFacts(prospect, undefined).prospect,
          offer: inputs.offer,
        });
        const subject = fillTemplateVariables(step.subject, fields).replace(/\s+/g, ' ').trim();
        return [prospect.id, { subject, body: fillTemplateVariables(step.body, fields) }];
      }),
    );
  }
}
