import type { PartnershipEvent } from './api.js';
import { dayNumber, formatDate, partialDate, type PartialDate } from './dates.js';
import { EDGE_STYLES } from './styling.js';

interface TimelineProps {
  brand: string;
  events: PartnershipEvent[];
  onPick: (id: string) => void;
}

/** A partnership on the axis: the date it is placed at, which date that is, and whom it joins the brand with. */
interface TimelineEntry {
  event: PartnershipEvent;
  partners: string;
  at: PartialDate;
  placedBy: 'started' | 'announced' | 'first reported';
}

/** When a partnership happened: its start, else its announcement, else its first report, each with its own precision. */
function entryOf(event: PartnershipEvent, brand: string): TimelineEntry {
  const partners = event.brands
    .filter((other) => other.name !== brand)
    .map((other) => other.name)
    .join(', ');
  const started = partialDate(event.startedOn, event.startedOnPrecision);
  const announced = partialDate(event.announcedOn, event.announcedOnPrecision);
  const reported = { day: event.reportedOn, precision: event.reportedOnPrecision };
  if (started) return { event, partners, at: started, placedBy: 'started' };
  if (announced) return { event, partners, at: announced, placedBy: 'announced' };
  return { event, partners, at: reported, placedBy: 'first reported' };
}

/** Maps dates to percentages of the axis width, with a margin at both ends for labels. */
function axisOf(dates: PartialDate[]): (date: PartialDate) => number {
  const days = dates.map(dayNumber);
  const first = Math.min(...days);
  const span = Math.max(...days) - first || 1;
  return (date) => 4 + (92 * (dayNumber(date) - first)) / span;
}

/** The brand's partnerships along one axis, each placed by its date (as precise as known) and marked by its confidence. */
export function Timeline({ brand, events, onPick }: TimelineProps) {
  if (events.length === 0) return <p className="muted">No partnerships of {brand} known on this day.</p>;
  const entries = events.map((event) => entryOf(event, brand));
  const position = axisOf(entries.map((entry) => entry.at));
  const years = [...new Set(entries.map((entry) => entry.at.day.slice(0, 4)))];
  return (
    <div className="timeline">
      <ol aria-label={`Partner timeline of ${brand}`} className="timeline-axis">
        {entries.map(({ event, partners, at, placedBy }, index) => {
          const left = position(at);
          return (
            <li
              key={event.id}
              style={{ left: `${left}%`, top: `${8 + (index % 3) * 30}px` }}
              className={`timeline-event confidence-${event.confidence}${left > 70 ? ' label-before' : ''}`}
            >
              <button
                type="button"
                onClick={() => onPick(event.id)}
                title={`${event.kind}, ${placedBy} ${formatDate(at)} (${at.precision.toLowerCase()} precision), first reported ${formatDate(
                  partialDate(event.reportedOn, event.reportedOnPrecision),
                )}`}
              >
                <span className="timeline-marker" style={{ borderColor: EDGE_STYLES[event.confidence].colour }} aria-hidden="true" />
                {partners}{' '}
                <time className="muted" dateTime={formatDate(at)}>
                  {formatDate(at)}
                </time>
                <span className="visually-hidden">, {EDGE_STYLES[event.confidence].meaning}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <div className="timeline-years" aria-hidden="true">
        {years.map((year) => (
          <span key={year} style={{ left: `${Math.max(0, position({ day: `${year}-01-01`, precision: 'DAY' }))}%` }}>
            {year}
          </span>
        ))}
      </div>
    </div>
  );
}
