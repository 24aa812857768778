import { REPLY_INTENTS } from '../reply-intent.types';
import {
  MAX_TEXT_FOR_MODEL,
  parseReplyIntent,
  REPLY_INTENT_SCHEMA,
  replyIntentUserMessage,
} from './reply-intent-llm.util';

describe('parseReplyIntent', () => {
  it.each(REPLY_INTENTS)('reads %s', (intent) => {
    expect(parseReplyIntent(JSON.stringify({ intent }))).toBe(intent);
  });

  it.each([
    ['not JSON', 'interested'],
    ['an unknown intent', '{"intent":"maybe"}'],
    ['another case', '{"intent":"Interested"}'],
    ['no intent', '{"answer":"interested"}'],
    ['a number', '{"intent":1}'],
    ['an array', '["interested"]'],
    ['null', 'null'],
    ['empty', ''],
  ])('answers null for %s', (_case, content) => {
    expect(parseReplyIntent(content)).toBeNull();
  });
});

describe('replyIntentUserMessage', () => {
  it('shows subject and text as JSON data, the text cut, no address', () => {
    const message = JSON.parse(
      replyIntentUserMessage({
        subject: 'Re: Hello',
        text: 'x'.repeat(MAX_TEXT_FOR_MODEL + 10),
        from: 'ben@beta.example',
      }),
    );
    expect(message.subject).toBe('Re: Hello');
    expect(message.text).toHaveLength(MAX_TEXT_FOR_MODEL);
    expect(message).not.toHaveProperty('from');
  });

  it('offers exactly the known intents in the schema', () => {
    expect(REPLY_INTENT_SCHEMA.properties.intent.enum).toEqual([...REPLY_INTENTS]);
  });
});
