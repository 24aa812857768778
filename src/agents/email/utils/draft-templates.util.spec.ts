import type { ProspectInState } from '../../prospects/prospect.types';
import {
  fillTemplate,
  renderFollowUpDraft,
  renderTemplateDraft,
  TemplateInput,
} from './draft-templates.util';

const ana: ProspectInState = {
  id: 'p1',
  name: 'Ana Beispiel',
  email: 'ana@acme.example',
  title: 'VP of Sales',
  seniority: 'vp',
  department: 'Sales',
  company: { name: 'Acme GmbH', industry: 'Software', domain: 'acme.example' },
};
const input = (change: Partial<TemplateInput> = {}): TemplateInput => ({
  prospect: ana,
  companySummary: 'Acme builds invoicing software for small shops.',
  sender: { name: 'Ben Exemple', company: 'Zigral' },
  offer: { description: 'a 14-day pilot of our lead scoring' },
  tone: 'friendly',
  ...change,
});

describe('renderTemplateDraft', () => {
  it('merges the prospect, company summary, offer and sender into a friendly draft', () => {
    const draft = renderTemplateDraft(input());
    expect(draft.subject).toMatch(/Acme GmbH/);
    expect(draft.body.startsWith('Hi Ana,\n\n')).toBe(true);
    expect(draft.body).toContain('I read that Acme builds invoicing software for small shops.');
    expect(draft.body).toContain('As VP of Sales, you');
    expect(draft.body).toContain('sales');
    expect(draft.body).toContain('In software,');
    expect(draft.body).toContain('a 14-day pilot of our lead scoring.');
    expect(draft.body.endsWith('Best,\nBen Exemple\nZigral')).toBe(true);
    expect(draft.body).not.toMatch(/[{}]|undefined|null/);
  });

  it('changes greeting, wording and closing with the tone', () => {
    const formal = renderTemplateDraft(input({ tone: 'formal' }));
    const direct = renderTemplateDraft(input({ tone: 'direct' }));
    expect(formal.body.startsWith('Dear Ana Beispiel,')).toBe(true);
    expect(formal.body).toContain('Kind regards,');
    expect(direct.body.startsWith('Ana,')).toBe(true);
    expect(direct.body).toContain('Worth a 15-minute call?');
  });

  it('speaks to the seniority and the industry', () => {
    const ceo = renderTemplateDraft(
      input({
        prospect: {
          ...ana,
          title: 'CEO',
          seniority: 'c_level',
          company: { name: 'Care AG', industry: 'Healthcare' },
        },
      }),
    );
    expect(ceo.body).toMatch(/As CEO, you (decide where Care AG|carry the growth targets)/);
    expect(ceo.body).toContain('In healthcare,');
    const manager = renderTemplateDraft(
      input({ prospect: { ...ana, title: 'Sales Manager', seniority: 'manager' } }),
    );
    expect(manager.body).toMatch(/your team/);
  });

  it('is deterministic and reads cleanly with almost nothing known', () => {
    expect(renderTemplateDraft(input())).toEqual(renderTemplateDraft(input()));
    const bare = renderTemplateDraft({
      prospect: { id: 'p2', name: 'Carl', company: { name: '' } },
      sender: {},
      offer: {},
      tone: 'friendly',
    });
    expect(bare.body).not.toMatch(/[{}]|undefined|null|\.\./);
    expect(bare.body.startsWith('Hi Carl,')).toBe(true);
    expect(bare.subject.length).toBeGreaterThan(5);
  });
  it('rephrases a line whose field is left out', () => {
    const bare = { ...ana, title: undefined, department: undefined };
    const bodies = ['p1', 'p2', 'p3', 'p4'].map(
      (id) => renderTemplateDraft(input({ prospect: { ...bare, id } })).body,
    );
    for (const body of bodies) {
      expect(body).toContain('As part of the team, you');
      expect(body).not.toMatch(/the your|undefined/);
    }
    expect(bodies.join('\n')).toMatch(/your organisation at Acme GmbH|your numbers at Acme GmbH/);
  });

  it('pastes a field as it is, never reading it as a template', () => {
    const draft = renderTemplateDraft(input({ prospect: { ...ana, title: 'Head of {offer}' } }));
    expect(draft.body).toContain('As Head of {offer}, you');
  });
});

describe('renderFollowUpDraft', () => {
  it('writes a short reply pointing at the earlier note, not the first email again', () => {
    const first = renderTemplateDraft(input());
    const followUp = renderFollowUpDraft({ ...input(), followUp: 1 });
    expect(followUp.body).toBe(
      'Hi Ana,\n\nJust following up on my note below, in case it got buried.\n\n' +
        'Would you be up for a short chat in the next couple of weeks?\n\nBest,\nBen Exemple\nZigral',
    );
    expect(followUp.body).not.toContain('I read that');
    expect(followUp.body).not.toBe(first.body);
  });

  it('says a later follow-up differently, in the tone asked, with the call to action given', () => {
    const later = renderFollowUpDraft({
      ...input({ tone: 'direct', offer: { callToAction: 'Free on Tuesday?' } }),
      followUp: 2,
    });
    expect(later.body).toBe(
      'Ana,\n\nLast follow-up on the note below.\n\nFree on Tuesday?\n\nThanks,\nBen Exemple\nZigral',
    );
  });
});

describe('fillTemplate', () => {
  it('fills known fields and drops unknown ones', () => {
    expect(fillTemplate('Hi {first_name}{x}!', { first_name: 'Ana' })).toBe('Hi Ana!');
  });
});
