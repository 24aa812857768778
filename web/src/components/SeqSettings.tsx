import type { Schemas } from '../api/client';
import { formatNumber } from '../lib/format';

const DAY: Record<string, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** A sequence's sending window, caps and rules. */
export function SeqSettings({ settings }: { settings: Schemas['SequenceSettingsDto'] }) {
  const { window } = settings;
  return (
    <dl className="facts">
      <dt>Sending window</dt>
      <dd>
        {window.days.map((day) => DAY[day] ?? day).join(', ')}, {window.start}–{window.end}
      </dd>
      <dt>Time zone (when the prospect’s is unknown)</dt>
      <dd>{settings.time_zone}</dd>
      <dt>Emails per day</dt>
      <dd>{formatNumber(settings.daily_cap)}</dd>
      <dt>Each follow-up reviewed</dt>
      <dd>{yesNo(settings.review_follow_ups)}</dd>
      <dt>One active sequence per prospect</dt>
      <dd>{yesNo(settings.one_active_sequence_per_prospect)}</dd>
      <dt>A colleague’s reply stops it</dt>
      <dd>{yesNo(settings.stop_on_company_reply)}</dd>
    </dl>
  );
}
